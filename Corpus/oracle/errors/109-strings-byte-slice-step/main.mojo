def main():
    var s: String = "hello"
    var t = s[byte=0:4:2]
    print(t)
