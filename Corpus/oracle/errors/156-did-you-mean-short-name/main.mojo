def main():
    var a = 1
    print(b)
