from std.collections import Set
def main():
    var xs: List[String] = ["a", "b", "c"]
    for i, x in enumerate(xs):
        print(i, x)
    var ys: List[Int] = [10, 20, 30]
    for a, b in zip(xs, ys):
        print(a, b)
    for y in reversed(ys):
        print(y)
    if xs:
        print("nonempty")
    var d: Dict[String, Int] = {}
    if not d:
        print("empty dict")
    d["k"] = 1
    if d:
        print("has")
    var s1: Set[Int] = {1, 2, 3}
    var s2: Set[Int] = {2, 3, 4}
    print(s1 | s2, s1 & s2, s1 - s2)
    print(d.setdefault("z", 5), d)
    var e: Dict[String, Int] = {"q": 9}
    d.update(e)
    print(d)
    for k in reversed(d):
        print(k)
    print(s1.union(s2), s1.intersection(s2))
    print(s1.difference(s2), s1 | s2 == s2 | s1)
    var pairs = [(i, x) for i, x in enumerate(xs)]
    print(len(pairs))
    var total = 0
    for p in enumerate(ys):
        total += p[0] * p[1]
    print(total)
    if not s1 - s1:
        print("empty difference")
    var o: Optional[Int] = None
    if not o:
        print("no value")
