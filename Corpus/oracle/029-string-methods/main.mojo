# String methods as Mojo 1.2 has them (issue 13 item 4).


def describe(s: String) -> String:
    var words = s.split()
    return String(len(words)) + " words, first " + String(words[0]) if len(words) > 0 else "empty"


def csv_sum(line: String) raises -> Int:
    var total = 0
    for field in line.split(","):
        total += Int(field)
    return total


def main() raises:
    var s: String = "  Hello, World  "
    print(s.strip())
    print("[" + s.lstrip() + "]")
    print("[" + s.rstrip() + "]")
    print(s.lower(), s.upper())
    print(s.replace("l", "L"))
    print(s.find("o"), s.find("zz"), s.find("o", 7), s.rfind("o"))
    print(s.startswith("  He"), s.endswith("d  "), s.startswith("x"))
    print(s.count("l"))
    var parts = "a,b,,c".split(",")
    print(len(parts))
    for p in parts:
        print("[" + p + "]")
    print(String(", ").join(parts))
    print("ab" * 3, "ab" * 0, "ab" * -1, "[" + "ab" * 2 + "]")
    var n = 3
    print(s.strip() * n)
    print(ord("A"), chr(66), ord("é"), chr(233))
    print("ell" in s, "xyz" in s, "xyz" not in s, "" in s)
    print("a b  c".split())
    print(String("abc").strip("a"), "xxhixx".strip("x"), "xxhixx".lstrip("x"), "xxhixx".rstrip("x"))
    print("aaa".count("aa"), "abc".count(""))
    print(String("abc").replace("", "-"), String("aXbXc").replace("X", ""), String("aaaa").replace("aa", "b"))
    print(len("".split(",")), len("abc".split(",")), len("".split()), len("  ".split()))
    print(" a  b ".split(" "))
    print("abc".find(""), "abc".find("c", -1), "abc".find("a", 10))
    print("a,b,c".split(",", 1), String("a,b").split(",", 0), "  a b  c ".split(maxsplit=1))
    print(String("abc").split(""))
    print("\t\n a \r\n".strip() + "|", "[" + "\x0b\x0c\x1c a \xa0".strip() + "]")
    print("ÀÉ".lower(), "àé".upper(), "MiXeD 123".lower(), "ĀĞ".lower(), "ΑΒΓ".lower(), "ÄÖÜß".upper(), "ПРИВЕТ".lower())
    print("abc".startswith("bc", 1), "abc".endswith("ab", 0, 2))
    print("héllo".find("l"), "héllo".rfind("l"), "héllo".count("l"))
    var ints: List[Int] = [1, 2, 3]
    var floats: List[Float64] = [1.5, 2.0]
    var flags: List[Bool] = [True, False]
    print(",".join(ints), "|".join(floats), "|".join(flags), "[" + "|".join(List[String]()) + "]")
    print(String("ab").find("b", 5), String("ab").find("", 2), String("ab").rfind(""), String("abab").rfind("ab", 1))
    print(describe("  the quick  brown fox "), describe("   "))
    print(csv_sum("1,2,3,40"))
    var line: String = "key = value"
    var eq = line.find("=")
    if eq >= 0:
        print("[" + String(line.split("=")[0].strip()) + "]", "[" + String(line.split("=")[1].strip()) + "]")
    var text: String = "the cat sat on the mat"
    var count = 0
    for w in text.split(" "):
        if w == "the":
            count += 1
    print(count, text.upper().lower() == text, text.replace("the", "a").split(" ")[0])
    var escaped: String = "\xff\x80\101\351"
    print(escaped.byte_length(), escaped, escaped.upper())
