def main():
    var s: String = "hello"
    print(s[1:3])
