# Strings: literals as data, concatenation, comparison and a method, through runtime calls.
def main():
    var s = "ab"
    var t = s + "cd"
    if t == "abcd":
        print(t.upper(), t.byte_length())
