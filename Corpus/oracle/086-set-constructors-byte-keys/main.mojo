# Set constructors and methods, Dict/Set with UInt8 and Codepoint keys, comptime conversions.
from std.collections import Set
from std.collections.string import Codepoint


def longest_unique_run(s: String) raises -> Int:
    var bytes = s.as_bytes()
    var seen = Dict[UInt8, Int]()
    var best = 0
    var start = 0
    for i, b in enumerate(bytes):
        if b in seen and seen[b] >= start:
            start = seen[b] + 1
        seen[b] = i
        best = max(best, i - start + 1)
    return best


def count_bytes(s: String) -> Dict[UInt8, Int]:
    var counts = Dict[UInt8, Int]()
    for b in s.as_bytes():
        counts[b] = counts.get(b, 0) + 1
    return counts^


def main() raises:
    var s = Set[Int](3, 1, 3)
    var t = Set([Int(c) for c in "abca".codepoints()])
    print(len(s), len(t), 3 in s, 98 in t, s, t)
    var fruits = Set("orange", "pineapple", "banana", "apple")
    var eats = Set("pizza", "banana", "salad", "apple")
    print(fruits, len(fruits))
    print(fruits.intersection(eats), fruits.symmetric_difference(eats))
    print(Set[String]("a"), Set(7))
    var xs: List[Int] = [5, 6, 5, 1]
    var v = Set(xs)
    print(v, Set[Int](xs))
    print(v.issubset(Set(1, 5, 6, 9)), v.issubset(s), Set(1, 9).issuperset(Set(9)), v.isdisjoint(s), v.isdisjoint(Set(2)))
    print(s.union(v), s.symmetric_difference(v))
    s.update(v)
    print(s, len(s))
    var b = "hello".as_bytes()
    var w = Set(b[0])
    w.add(b[1])
    w.add(b[0])
    print(len(w), b[0] in w, UInt8(0) in w, w)
    var vowels = Set([Int(c) for c in "aeiouAEIOU".codepoints()])
    var n = 0
    for c in "Programming in Mojo".codepoints():
        if Int(c) in vowels:
            n += 1
    print("vowels", n)

    print(longest_unique_run("abcabcbb"), longest_unique_run("bbbbb"), longest_unique_run("pwwkew"))
    var counts = count_bytes("mississippi")
    print(counts)
    for e in counts.items():
        print(Codepoint(e.key), e.value, end="; ")
    print()
    var by_char = Dict[UInt32, Int]()
    for c in "héhé!".codepoints():
        by_char[c.to_u32()] = by_char.get(c.to_u32(), 0) + 1
    for k in by_char:
        print(k, by_char[k], end=" ")
    print()
    var u64 = Dict[UInt64, String]()
    u64[UInt64(18446744073709551615)] = "max"
    u64[UInt64(0)] = "zero"
    print(u64[UInt64(18446744073709551615)], len(u64), UInt64(0) in u64)

    comptime hash = UInt8(Int(Codepoint.ord("#")))
    comptime open_bracket = Codepoint.ord("[")
    comptime letter = ord("z")
    comptime small = Int8(300)
    print(hash, open_bracket, letter, small)
    var parts = 0
    for x in "a#b#c".as_bytes():
        if x == hash:
            parts += 1
    print(parts, Codepoint(hash) == Codepoint.ord("#"))
