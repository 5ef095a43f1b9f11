@fieldwise_init
struct Point(Copyable):
    var x: Int
    var y: Int


def main() raises:
    var xs: List[Int] = [1, 2]
    xs.extend([3, 4])
    xs.reverse()
    print(xs)
    print(xs.index(3), xs.count(2))
    var ys = xs + [9]
    print(ys)
    var pts: Dict[String, Point] = {}
    pts["a"] = Point(1, 2)
    pts["a"].x = 10
    print(pts["a"].x, pts["a"].y)
    var nested: Dict[String, Dict[String, Int]] = {}
    nested["outer"] = Dict[String, Int]()
    nested["outer"]["inner"] = 5
    print(nested)
    var lists: Dict[String, List[Int]] = {"a": [1]}
    var got = lists.get("a").value().copy()
    lists["a"].append(2)
    print(got, lists["a"])
    var copy = lists.get("a")
    lists["a"].append(3)
    print(copy.value(), lists["a"])
    var fallback = lists.get("zz", [7])
    print(fallback)
    var words: List[String] = ["a", "b", "a"]
    var flags: List[Bool] = [True, False, True]
    var floats: List[Float64] = [0.5, 1.5, 0.5]
    print(words.count("a"), flags.count(True), floats.count(0.5), xs.count(7))
    words.extend(["c"])
    words.reverse()
    print(words, words + ["z"])
    print(words.index("b"), floats.index(1.5), flags.index(False))
    try:
        print(words.index("q"))
    except e:
        print(e)
