def main():
    var a: Int8 = 3.0
    print(a)
