def main():
    var x: Int
    print(x)
