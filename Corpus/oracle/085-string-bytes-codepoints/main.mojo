# String bytes and code points: as_bytes, codepoints, Codepoint, from_utf8, count_codepoints.
from std.collections.string import Codepoint


def reverse_codepoints(s: String) -> String:
    var codepoints = List[Codepoint](capacity=s.count_codepoints())
    for code in s.codepoints():
        codepoints.append(code)
    var result = String()
    for i in range(len(codepoints) - 1, -1, -1):
        result.append(codepoints[i])
    return result


def digit_sum(n: Int) -> Int:
    var total = 0
    for d in String(n).codepoints():
        total += Int(d) - Int(Codepoint.ord("0"))
    return total


def decode_lengths(s: String) raises -> List[String]:
    # "3#abc2#de" -> ["abc", "de"]
    var hash = UInt8(ord("#"))
    var bytes = s.as_bytes()
    var result = List[String]()
    var i = 0
    while i < len(bytes):
        var j = i
        while j < len(bytes) and bytes[j] != hash:
            j += 1
        var length = Int(String(from_utf8=bytes[i:j]))
        result.append(String(from_utf8=bytes[j + 1 : j + 1 + length]))
        i = j + 1 + length
    return result^


def main() raises:
    var s = String("héllo wörld")
    var b = s.as_bytes()
    print(len(b), b[1], b[2], Int(b[0]), s.byte_length(), s.count_codepoints())
    print(b[0:3], String(from_utf8=b[0:3]))
    print("abc".as_bytes(), "".as_bytes(), len("€".as_bytes()))
    var total = 0
    for x in "az".as_bytes():
        total += Int(x)
    print(total)
    for i, x in enumerate("hi!".as_bytes()):
        print(i, x, end=" ")
    print()
    print(UInt8(ord("h")) in b, UInt8(0) in b)

    for c in "aé€😀".codepoints():
        print(c, Int(c), c.to_u32(), c.utf8_byte_length(), String(c) + "|")
    print(reverse_codepoints("añb€"), reverse_codepoints(""), digit_sum(98765))
    var cps = [c for c in "Hi 7".codepoints()]
    print(len(cps), cps[0] == Codepoint.ord("H"), cps[0] < cps[1], cps[1] != cps[2])
    for c in cps:
        print(c.is_ascii_upper(), c.is_ascii_lower(), c.is_ascii_digit(), c.is_python_space(), c.is_posix_space(), c.is_ascii())
    var r = String("x")
    r.append(Codepoint(UInt8(66)))
    r.append(Codepoint(67))
    r.append(Codepoint.ord("ß"))
    print(r, r.byte_length(), r.count_codepoints())
    print(Codepoint(unsafe_unchecked_codepoint=UInt32(0x263A)), Codepoint.ord("\u00e9").is_ascii())

    print(decode_lengths("3#abc2#de0#4#wxyz"))
    var bad = s.as_bytes()[1:2]
    try:
        print(String(from_utf8=bad))
    except e:
        print("error:", e)
    print(String(from_utf8_lossy=b[0:2]) + "|", String(from_utf8_lossy=b[2:4]) + "|")
    print(String(from_utf8_lossy="ab€".as_bytes()[0:4]) + "|", String(unsafe_from_utf8="xyz".as_bytes()[1:3]))
