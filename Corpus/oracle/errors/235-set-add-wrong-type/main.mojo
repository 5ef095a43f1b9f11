from std.collections import Set


def main():
    var s = Set[Int]()
    s.add("one")
