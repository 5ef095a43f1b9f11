def main():
    var a: Int8 = 1
    var b: Int = 2
    print(a + b)
