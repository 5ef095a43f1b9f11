struct Stack[T: Copyable & Deinitable](Movable):
    var items: List[Self.T]

    def __init__(out self):
        self.items = List[Self.T]()

    def push(mut self, value: Self.T):
        self.items.append(value.copy())

    def pop(mut self) -> Self.T:
        return self.items.pop()

    def size(self) -> Int:
        return len(self.items)

    def is_empty(self) -> Bool:
        return len(self.items) == 0


@fieldwise_init
struct Pair[A: Copyable & Deinitable, B: Copyable & Deinitable](Copyable, Movable):
    var first: Self.A
    var second: Self.B


@fieldwise_init
struct Point(Copyable, Movable, Writable):
    var x: Int
    var y: Int

    def write_to(self, mut writer: Some[Writer]):
        writer.write("Point(", self.x, ", ", self.y, ")")


def main():
    var s = Stack[Int]()
    s.push(1)
    s.push(2)
    s.push(3)
    print(s.size())
    print(s.pop())
    print(s.pop())
    var names = Stack[String]()
    names.push("a")
    names.push("b")
    print(names.pop(), names.size(), names.is_empty())
    var p = Pair[Int, String](1, "one")
    print(p.first, p.second)
    var pts = Stack[Point]()
    pts.push(Point(1, 2))
    print(pts.pop())
    print(String(Point(3, 4)))
    print(Point(5, 6))
