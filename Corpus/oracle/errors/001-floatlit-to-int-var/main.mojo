def main():
    var x: Int = 2.5
