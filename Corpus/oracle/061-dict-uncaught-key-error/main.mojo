def lookup(d: Dict[Int, String], k: Int) raises -> String:
    return d[k]


def main() raises:
    var names: Dict[Int, String] = {1: "one", 2: "two"}
    print(lookup(names, 2))
    print(names.pop(1), len(names))
    print(lookup(names, 1))
    print("not reached")
