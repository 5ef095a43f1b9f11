from std.collections import Set


struct Inventory(Movable):
    var counts: Dict[String, Int]
    var tags: Set[String]

    def __init__(out self):
        self.counts = Dict[String, Int]()
        self.tags = Set[String]()

    def add(mut self, name: String, n: Int) raises:
        if name in self.counts:
            self.counts[name] += n
        else:
            self.counts[name] = n
        self.tags.add(String(name[byte=0:1]))

    def total(self) -> Int:
        var t = 0
        for e in self.counts.items():
            t += e.value
        return t


def word_count(text: String) -> Dict[String, Int]:
    var d: Dict[String, Int] = {}
    for w in text.split(" "):
        d[String(w)] = d.get(String(w), 0) + 1
    return d^


def find(xs: List[Int], target: Int) -> Optional[Int]:
    for i in range(len(xs)):
        if xs[i] == target:
            return i
    return None


def bump(mut d: Dict[Int, Int], k: Int):
    d[k] = d.get(k, 0) + 100


def show(d: Dict[Int, Int]):
    for k in d:
        print(k, "->", d.get(k, -1))


def main() raises:
    var inv = Inventory()
    inv.add("apple", 3)
    inv.add("banana", 2)
    inv.add("apple", 4)
    inv.add("avocado", 1)
    print(inv.counts, inv.total(), len(inv.tags))
    var wc = word_count("the cat and the hat and the bat")
    for e in wc.items():
        print(e.key, e.value)
    print(wc)
    var r = find([4, 5, 6], 5)
    if r:
        print("found at", r.value())
    var r2 = find([4, 5, 6], 9)
    if r2 is None:
        print("missing")
    print(r2.or_else(-1), r.or_else(-1))
    var sq: Dict[Int, Int] = {}
    for i in range(5):
        sq[i * i % 7] = i
    bump(sq, 2)
    bump(sq, 11)
    show(sq)
    var groups: Dict[String, List[Int]] = {}
    for i in range(6):
        var key = "even" if i % 2 == 0 else "odd"
        if key not in groups:
            groups[key] = List[Int]()
        groups[key].append(i)
    for k in groups.keys():
        print(k, groups[k])
    print(groups)
    var names: Dict[Int, String] = {1: "one", 2: "two"}
    _ = names.pop(1)
    names[3] = "three"
    names[1] = "uno"
    print(names, len(names))
    var vals = List[Int]()
    for v in sq.values():
        vals.append(v)
    sort(vals)
    print(vals)
    var squares = [i * i for i in range(6)]
    print(squares)
    var evens = [s for s in squares if s % 2 == 0]
    print(evens, len(evens))
    var words: List[String] = ["pear", "fig", "apple"]
    var lens = [w.byte_length() for w in words]
    print(lens)
    var up = [w.upper() for w in words if w != "fig"]
    sort(up)
    print(up)
    var s2 = Set[Int]()
    for x in [3, 1, 3, 2, 1]:
        s2.add(x)
    print(s2, len(s2), 2 in s2)
    s2.discard(7)
    s2.discard(1)
    print(s2)
    var fo: Optional[Float64] = 2.5
    print(fo.value(), fo)
    var bo = Optional[Bool](True)
    print(bo)
    var so: Optional[String] = None
    print(so)
    so = String("x")
    print(so)
