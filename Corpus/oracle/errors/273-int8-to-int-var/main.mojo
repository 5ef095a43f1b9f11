def main():
    var a: Int8 = 1
    var b: Int = a
    print(b)
