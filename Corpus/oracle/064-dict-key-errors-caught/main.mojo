from std.collections import Set
def main() raises:
    var d: Dict[String, Int] = {"a": 1}
    try:
        print(d["b"])
    except e:
        print("caught", e)
    var e2: Dict[Int, Int] = {}
    try:
        print(e2[3])
    except e:
        print("caught", e)
    var s = Set[Int]()
    try:
        s.remove(3)
    except e:
        print("caught", e)
    var q = d.copy()
    q["z"] = 1
    print(len(d), len(q))
    var ds: Dict[String, List[Int]] = {}
    ds["a"] = [1]
    ds["a"].append(2)
    print(ds["a"])
    print(d.get("a").value())
    var n: Optional[Int] = d.get("a")
    print(n)
    print(d.get("b"))
