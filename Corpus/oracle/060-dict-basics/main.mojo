def main() raises:
    var d: Dict[String, Int] = {"a": 1, "b": 2}
    d["c"] = 3
    d["a"] = 10
    print(len(d))
    print(d["a"], d["c"])
    print("a" in d, "z" in d, "z" not in d)
    for k in d:
        print(k, d[k])
    for k in d.keys():
        print(k)
    for v in d.values():
        print(v)
    for e in d.items():
        print(e.key, e.value)
    var g = d.get("b")
    if g:
        print(g.value())
    var h = d.get("zz")
    print(h is None, Bool(h))
    print(d.get("zz", 7))
    var p = d.pop("a")
    print(p, len(d))
    d["a"] = 5
    for k in d:
        print(k)
    print(d)
    var e = Dict[Int, Int]()
    e[3] = 4
    e[1] = 2
    print(e)
    var s: Dict[Int, String] = {}
    print(s)
    print(len(s))
    print(d.pop("q", 99))
