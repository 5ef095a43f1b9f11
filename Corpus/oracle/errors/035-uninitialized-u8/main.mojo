def main():
    var x: Int
    var y: Int = 0
    y = x
