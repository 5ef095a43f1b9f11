# `in` / `not in` on strings and lists.


def is_vowel(c: String) -> Bool:
    return c in "aeiou"


def main():
    var xs: List[Int] = [1, 2, 3]
    print(2 in xs, 5 in xs, 5 not in xs, not 2 in xs)
    var names: List[String] = ["ann", "bob"]
    print("bob" in names, "x" in names, "ann" not in names)
    var fl: List[Float64] = [1.5, 2.0, -0.0]
    print(2.0 in fl, 2 in fl, 0.0 in fl, 3.5 in fl)
    var flags: List[Bool] = [False, False]
    print(True in flags, False in flags)
    print(3 in [1, 2, 3], "b" in "abc", "" in "abc", "abd" in "abc")
    var word: String = "education"
    var vowels = 0
    for i in range(word.byte_length()):
        if is_vowel(String(word[byte=i])):
            vowels += 1
    print(vowels)
    var seen = List[Int]()
    var data: List[Int] = [3, 1, 3, 2, 1, 4]
    for v in data:
        if v not in seen:
            seen.append(v)
    print(seen)
    var x = 2
    print(1 < x in xs, 3 < x in xs)
