from std.collections import Set
def main():
    var d: Dict[String, Int] = {"a": 1}
    try:
        _ = d.pop("zz")
    except e:
        print(e)
    var s: Set[String] = {"a"}
    try:
        s.remove("q")
    except e:
        print(e)
    var t: Dict[Int, Int] = {}
    try:
        t[1] += 1
    except e:
        print(e)
    var o: Optional[String] = String("v")
    print(o.or_else("w"), Optional[String](None).or_else("w"))
