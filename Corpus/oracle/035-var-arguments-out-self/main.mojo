"""Module docstring."""


struct Point(Copyable, Movable):
    """A point."""
    var x: Int
    var y: Int

    def __init__(out self, x: Int, y: Int):
        """Makes a point."""
        self.x = x
        self.y = y

    def moved(self, dx: Int) -> Point:
        return Point(self.x + dx, self.y)


def shout(var s: String) -> String:
    s += "!"
    return s


def push_all(var xs: List[Int], n: Int) -> List[Int]:
    for i in range(n):
        xs.append(i)
    return xs^


def count_down(var n: Int):
    while n > 0:
        print(n)
        n -= 1


def main():
    """Entry."""
    var p = Point(1, 2)
    print(p.moved(3).x, p.y)
    var word: String = "hi"
    print(shout(word), word)
    var xs: List[Int] = [9]
    var ys = push_all(xs^, 3)
    print(ys)
    count_down(3)
    var zs: List[Int] = [1]
    var ws = push_all(zs.copy(), 2)
    print(zs, ws)
    var total = 0
    for k in range(3):
        total += bump(k)
    print(total)


comptime LIMIT = 10
"""The limit (a docstring after a comptime is allowed)."""


def bump(var k: Int) -> Int:
    k *= LIMIT
    return k
