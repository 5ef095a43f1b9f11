def main():
    var s: String = "hello"
    var t = s + " world"
    print(t, t.byte_length(), s == "hello", s < "help", s[byte=1])
    var u = ""
    for i in range(3):
        u += String(i)
    print(u)
    print(ord("A"), chr(66), ord(s[byte=0]))
    var e = "tab\there\nnewline \"q\" \x41 \u00e9"
    print(e)
    print("a" "b" 'c')
    print("""multi
line""")
