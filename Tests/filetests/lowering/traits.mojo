# Traits: a generic function over a trait is instantiated per struct; the method call is direct.
trait Shape:
    def area(self) -> Int:
        ...


@fieldwise_init
struct Square(Copyable, Movable, Shape):
    var side: Int

    def area(self) -> Int:
        return self.side * self.side


def total[T: Shape](s: T) -> Int:
    return s.area() + 1


def main():
    print(total(Square(3)))
