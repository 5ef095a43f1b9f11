# Functions with more parameters than the SysV registers hold (6 integer, 8 float), mixed
# classes, Bool and struct parameters, and a struct with many fields built by its fieldwise
# initializer: every argument past the registers travels on the stack.


@fieldwise_init
struct Wide(Copyable, Movable, ImplicitlyCopyable):
    var a: Int
    var b: Int
    var c: Int
    var d: Int
    var e: Int
    var f: Int
    var g: Int
    var h: Int
    var i: Int
    var j: Int
    var k: Int
    var x: Float64
    var y: Float64

    def total(self) -> Int:
        return self.a + self.b + self.c + self.d + self.e + self.f + self.g + self.h + self.i + self.j + self.k


def weigh(i0: Int, i1: Int, i2: Int, i3: Int, i4: Int, i5: Int, i6: Int, i7: Int, i8: Int, i9: Int, i10: Int, i11: Int) -> Int:
    return i0 + 2 * i1 + 3 * i2 + 4 * i3 + 5 * i4 + 6 * i5 + 7 * i6 + 8 * i7 + 9 * i8 + 10 * i9 + 11 * i10 + 12 * i11


def blend(x0: Float64, n0: Int, x1: Float64, x2: Float64, x3: Float64, x4: Float64, x5: Float64, x6: Float64,
          x7: Float64, x8: Float64, n1: Int, x9: Float64, flag: Bool, x10: Float64) -> Float64:
    var s = x0 + x1 * 2.0 + x2 * 3.0 + x3 * 4.0 + x4 * 5.0 + x5 * 6.0 + x6 * 7.0 + x7 * 8.0 + x8 * 9.0
    s += x9 * 10.0 + x10 * 11.0 + Float64(n0 - n1)
    if flag:
        s = -s
    return s


def pick(w: Wide, v: Wide, n0: Int, n1: Int, n2: Int, n3: Int, n4: Int, n5: Int, n6: Int, last: Wide) -> Int:
    return w.total() - v.total() + n0 * n6 + n1 + n2 + n3 + n4 + n5 + last.k


def count_down(n: Int, a: Int, b: Int, c: Int, d: Int, e: Int, f: Int, g: Int, h: Int, acc: Int) -> Int:
    if n == 0:
        return acc + a + b + c + d + e + f + g + h
    return count_down(n - 1, b, c, d, e, f, g, h, a, acc + n * a)


def main():
    print(weigh(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12))
    var base = 100
    print(weigh(base, base + 1, -3, 0, 7, base * 2, 1, 1, 2, 3, 5, base - 8))
    print(blend(0.5, 3, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 10, 5.0, False, 5.5))
    print(blend(0.25, 1, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0, 1.0, True, 2.0))
    var w = Wide(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0.5, 1.5)
    var v = Wide(base, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, 2.5, -0.5)
    print(w.total(), v.total(), w.x + v.y, w.y * v.x)
    print(pick(w, v, 3, 4, 5, 6, 7, 8, 9, w))
    print(count_down(20, 1, 2, 3, 4, 5, 6, 7, 8, 0))
