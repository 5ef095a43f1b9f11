def main():
    var b: Bool = True
    var n: Int = b
