def main():
    var s = String("abc")
    s.append("d")
    print(s)
