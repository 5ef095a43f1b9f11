trait Shape:
    @staticmethod
    def unit() -> Self:
        ...

    def area(self) -> Float64:
        ...


@fieldwise_init
struct Square(Shape, Copyable):
    var side: Float64

    @staticmethod
    def unit() -> Self:
        return Self(1.0)

    def area(self) -> Float64:
        return self.side * self.side


@fieldwise_init
struct Pair[A: Copyable & Deinitable & Writable, B: Copyable & Deinitable & Writable](Copyable, Writable):
    var first: Self.A
    var second: Self.B

    def swap(self) -> Pair[Self.B, Self.A]:
        return Pair[Self.B, Self.A](self.second.copy(), self.first.copy())

    def write_to(self, mut writer: Some[Writer]):
        writer.write("<", self.first, "|", self.second, ">")


def unit_area[T: Shape & Deinitable]() -> Float64:
    var u = T.unit()
    return u.area()


def repeat[count: Int = 2](msg: String):
    comptime for i in range(count):
        print(i, msg)


def main():
    print(unit_area[Square]())
    var p = Pair(1, "one")
    print(p)
    print(p.swap())
    var q = Pair(Pair(1, 2), 3.5)
    print(q)
    repeat("hi")
    repeat[3]("yo")
