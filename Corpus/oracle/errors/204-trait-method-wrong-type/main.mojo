trait Shape:
    def area(self) -> Float64:
        ...


@fieldwise_init
struct Circle(Shape):
    var r: Float64

    def area(self) -> Int:
        return 1


def main():
    print(Circle(1.0).area())
