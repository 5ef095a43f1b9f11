# Dict keys and Set elements that are tuples or lists (hashed and compared element by element),
# s.bytes().
from std.collections import Set


def group_anagrams(words: List[String]) raises -> Dict[List[UInt8], List[String]]:
    var groups: Dict[List[UInt8], List[String]] = {}
    for w in words:
        var key = [b for b in w.bytes()]
        sort(key)
        if key in groups:
            groups[key].append(w)
        else:
            groups[key^] = [w]
    return groups^


def main() raises:
    var d: Dict[Tuple[Int, Int], Int] = {}
    d[(1, 2)] = 3
    d[(2, 1)] = 4
    d[(1, 2)] += 10
    print(d[(1, 2)], len(d), (2, 1) in d, (5, 5) in d)
    print(d)
    for k in d.keys():
        print(k[0], k[1], d[k])
    var e: Dict[List[Int], String] = {}
    var key: List[Int] = [1, 2, 3]
    e[key.copy()] = "a"
    key.append(4)
    e[key^] = "b"
    print(e, e[[1, 2, 3]])
    var s = Set[Tuple[Int, String]]()
    s.add((1, "x"))
    s.add((1, "x"))
    s.add((2, "y"))
    print(len(s), (1, "x") in s, (1, "y") in s)
    var seen = Set[Tuple[Int, Int]]()
    for i in range(4):
        for j in range(4):
            seen.add((i % 2, j % 3))
    print(len(seen))
    var words: List[String] = ["eat", "tea", "tan", "ate", "nat", "bat"]
    var groups = group_anagrams(words)
    for item in groups.items():
        print(len(item.key), item.value)
    print(d.get((2, 1)).value(), d.get((7, 7)).or_else(-1), d.find((1, 2)).value(), d.pop((2, 1)), len(d))
    try:
        print(d[(9, 9)])
    except err:
        print(err)
    try:
        print(e[[7]])
    except err:
        print(err)
