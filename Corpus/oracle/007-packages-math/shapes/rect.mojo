@fieldwise_init
struct Rect(Copyable, Movable, ImplicitlyCopyable):
    var w: Float64
    var h: Float64

    def area(self) -> Float64:
        return self.w * self.h

    def grow(mut self, k: Int):
        self.w *= Float64(k)
        self.h = self.h + 0.5


def unit() -> Rect:
    return Rect(1.0, 1.0)
