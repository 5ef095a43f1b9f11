from .rect import Rect

comptime PI: Float64 = 3.141592653589793


@fieldwise_init
struct Circle(Copyable, Movable):
    var r: Float64

    def area(self) -> Float64:
        return PI * self.r * self.r


def area_sum(cs: List[Circle]) -> Float64:
    var s: Float64 = 0.0
    for c in cs:
        s += c.area()
    return s
