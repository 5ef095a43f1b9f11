from std.collections import Set
def main() raises:
    var s: Set[Int] = {3, 1, 2}
    s.add(5)
    s.add(1)
    print(len(s), 3 in s, 4 in s, 4 not in s)
    for x in s:
        print(x)
    s.remove(3)
    print(s)
    var t = Set[String]()
    t.add("b")
    t.add("a")
    print(t, len(t))
    var o: Optional[Int] = None
    print(o is None, o is not None, Bool(o))
    o = 5
    if o:
        print(o.value())
    print(o is None)
    var os = Optional[String]("hi")
    print(os.value())
    var xs: List[Int] = [1, 5, 2, 8]
    var ys = [x * 2 for x in xs if x > 1]
    print(ys)
    var names: List[String] = ["b", "c", "a"]
    sort(names)
    print(names)
    sort(xs)
    print(xs)
    var fs: List[Float64] = [2.5, -1.0, 3.0]
    sort(fs)
    print(fs)
    print((1, 2) == (1, 2), (1, "a") != (1, "b"))
    var ps: List[Tuple[Int, String]] = [(1, "a"), (2, "b")]
    for p in ps:
        print(p[0], p[1])
    for a, b in ps:
        print(a, b)
