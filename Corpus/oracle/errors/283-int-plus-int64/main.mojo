def main():
    var a: Int64 = 1
    var b: Int = 2
    print(b + a)
