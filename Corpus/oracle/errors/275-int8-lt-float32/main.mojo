def main():
    var a: Int8 = 1
    var f: Float32 = 2.5
    print(a < f)
