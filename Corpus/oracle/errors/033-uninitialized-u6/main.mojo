def main():
    var x: Int
    print(1, x)
