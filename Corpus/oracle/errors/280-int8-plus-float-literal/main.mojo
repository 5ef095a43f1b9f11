def main():
    var x: Int8 = 1
    var y = x + 2.5
    print(y)
