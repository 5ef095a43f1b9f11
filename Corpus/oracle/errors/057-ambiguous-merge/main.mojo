def main():
    var c = True
    var x = 3 if c else 2.5
    print(x)
