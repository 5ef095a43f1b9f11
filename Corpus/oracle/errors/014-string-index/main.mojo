def main():
    var s: String = "abc"
    print(s[0])
