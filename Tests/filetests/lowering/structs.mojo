# Structs: a value held as its fields; construction, field reads and writes, copies.
@fieldwise_init
struct Point(Copyable):
    var x: Int
    var y: Int


def main():
    var p = Point(1, 2)
    var q = p.copy()
    q.x = 5
    print(p.x + q.x, p.y)
