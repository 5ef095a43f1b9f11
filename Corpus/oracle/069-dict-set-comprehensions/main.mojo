from std.collections import Set
def main():
    var xs: List[Int] = [1, 2, 3]
    var d = {x: x * x for x in xs}
    print(d)
    var s = {x % 2 for x in xs}
    print(s)
    var names: List[String] = ["ann", "bob", "cy"]
    var lengths: Dict[String, Int] = {n: n.byte_length() for n in names if n != "bob"}
    print(lengths)
    var index = {n: i for i, n in enumerate(names)}
    print(index)
    var firsts = {String(n[byte=0:1]) for n in names}
    print(firsts, len(firsts))
