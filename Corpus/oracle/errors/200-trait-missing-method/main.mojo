trait Shape:
    def area(self) -> Float64:
        ...


struct Circle(Shape):
    var r: Float64

    def __init__(out self, r: Float64):
        self.r = r


def main():
    var c = Circle(1.0)
    print(c.r)
