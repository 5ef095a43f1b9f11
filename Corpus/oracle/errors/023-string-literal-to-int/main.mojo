def main():
    var x: Int = "s"
