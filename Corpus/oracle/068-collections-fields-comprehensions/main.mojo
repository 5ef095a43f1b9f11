from std.collections import Set

@fieldwise_init
struct Registry(Movable):
    var names: Dict[Int, String]
    var seen: Set[String]


def make() -> Dict[String, Int]:
    return {"x": 1, "y": 2}


def lookup_all(d: Dict[String, Int], keys: List[String]) raises -> List[Int]:
    return [d[k] * 10 for k in keys]


def main() raises:
    var r = Registry({1: "a"}, {"a"})
    r.names[2] = "b"
    r.seen.add("b")
    print(r.names, r.seen)
    for k in make():
        print(k)
    print(lookup_all(make(), ["y", "x"]))
    var grid: List[List[Int]] = [[i * j for j in range(3)] for i in range(3)]
    print(grid)
    var x = 5
    var ys = [x + 1 for x in range(3)]
    print(x, ys)
    try:
        print(lookup_all(make(), ["nope"]))
    except e:
        print("error:", e)
    var counts: Dict[String, Int] = {}
    for w in "a b a c b a".split(" "):
        counts[String(w)] = counts.get(String(w), 0) + 1
    var ordered = [String(k) + "=" + String(counts[k]) for k in counts]
    print(", ".join(ordered))
