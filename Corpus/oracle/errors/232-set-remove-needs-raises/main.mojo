from std.collections import Set


def main():
    var s: Set[Int] = {1, 2}
    s.remove(1)
    print(len(s))
