def main():
    var words: List[String] = ["alpha", "beta", "gamma"]
    var n = len(words)
    print(words[1:n])
    var s = String("mojo")
    print(s[byte=1:3])
    var cut = words[1:n + 2]
    print(len(cut))
