trait Shape:
    def area(self) -> Float64:
        ...


@fieldwise_init
struct Rock(Copyable):
    var w: Float64


def show[T: Shape](s: T) -> Float64:
    return s.area()


def main():
    print(show(Rock(1.0)))
