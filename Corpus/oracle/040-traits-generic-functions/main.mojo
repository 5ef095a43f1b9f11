trait Shape:
    def area(self) -> Float64:
        ...

    def name(self) -> String:
        ...


@fieldwise_init
struct Circle(Shape, Copyable):
    var r: Float64

    def area(self) -> Float64:
        return 3.0 * self.r * self.r

    def name(self) -> String:
        return "circle"


@fieldwise_init
struct Square(Shape, Copyable):
    var side: Float64

    def area(self) -> Float64:
        return self.side * self.side

    def name(self) -> String:
        return "square"


def describe[T: Shape](s: T) -> String:
    return s.name() + " " + String(s.area())


def biggest[T: Comparable & Copyable](a: T, b: T) -> T:
    if a < b:
        return b.copy()
    return a.copy()


def repeat_n[n: Int](s: String) -> String:
    var out = String()
    for _ in range(n):
        out += s
    return out


def main():
    print(describe(Circle(2.0)))
    print(describe(Square(3.0)))
    print(biggest(3, 7))
    print(biggest[Int](9, 2))
    print(biggest(String("a"), String("b")))
    print(repeat_n[3]("ab"))
