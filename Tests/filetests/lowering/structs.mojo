# Structs: a pointer to the fields (allocated in the runtime); construction, field reads and writes, .copy().
@fieldwise_init
struct Point(Copyable):
    var x: Int
    var y: Int


def main():
    var p = Point(1, 2)
    var q = p.copy()
    q.x = 5
    print(p.x + q.x, p.y)
