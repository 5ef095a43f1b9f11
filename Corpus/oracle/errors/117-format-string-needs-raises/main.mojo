def main():
    var s: String = "v={}"
    print(s.format(3))
