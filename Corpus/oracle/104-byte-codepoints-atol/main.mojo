# s[byte=i] is the whole code point that starts at byte i; atol / atof parse strings;
# names of `var a, b = ...` passed to `mut` parameters.
def widen(mut left: Int, mut right: Int, s: String, mut best: String):
    while 0 <= left and right < s.byte_length() and String(s[byte=left]) == String(s[byte=right]):
        if right - left + 1 > best.byte_length():
            best = String(s[byte=left : right + 1])
        left -= 1
        right += 1


def longest_palindrome(s: String) -> String:
    var best = String("")
    for i in range(s.byte_length()):
        var left, right = i, i
        widen(left, right, s, best)
        left, right = i, i + 1
        widen(left, right, s, best)
    return best


def main() raises:
    var s: String = "aé🔥b"
    print(String(s[byte=0]), String(s[byte=1]), String(s[byte=3]), String(s[byte=7]))
    print(String(s[byte=3]).byte_length(), ord(String(s[byte=1])), len(String(s[byte=3]).as_bytes()))
    var i = 0
    while i < s.byte_length():
        var c = String(s[byte=i])
        print(i, c)
        i += c.byte_length()
    print(longest_palindrome("babad"), longest_palindrome("cbbd"), longest_palindrome("racecar"))
    print(atol("42") + 1, atof("2.5") * 2)
    try:
        print(atol("Mojo"))
    except e:
        print(e)
