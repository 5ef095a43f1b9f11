@fieldwise_init
struct P(Copyable, Movable):
    var x: Int
    var y: Int

struct T(Movable):
    var name: String
    def __init__(out self, name: String):
        self.name = name
    def __deinit__(deinit self):
        print("del", self.name)

def g6(c: Bool):
    var t: T
    if c:
        t = T("z")
    else:
        t = T("w")
    print(t.name)

def main() raises:
    var p: P
    p = P(1, 2)
    print(p.x, p.y)
    var l: List[Int]
    l = [1, 2]
    l.append(3)
    print(len(l))
    var d: Dict[String, Int]
    d = {"a": 1}
    print(d["a"])
    var t: T
    t = T("t")
    print(t.name)
    g6(True)
    g6(False)
    var q: P
    q = P(3, 4)
    q = P(5, 6)
    print(q.x)
