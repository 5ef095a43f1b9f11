def main():
    var a: UInt = 3
    var b: Int = 5
    print(a + b)
