def main():
    var s: String = "a,b"
    var n = s.split(",", "x")
