def main():
    var x = 3
    print(x == 3 == True)
