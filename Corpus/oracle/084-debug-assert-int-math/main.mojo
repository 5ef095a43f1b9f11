# debug_assert evaluates its arguments but checks nothing by default; std.math's Int functions.
from std.math import factorial, gcd, lcm


def noisy(label: String, x: Int) -> Int:
    print("evaluated", label)
    return x


struct Counter:
    var n: Int

    def __init__(out self):
        self.n = 0

    def bump(mut self) -> Bool:
        self.n += 1
        return self.n > 100


def check_range(n: Int, lo: Int, hi: Int) -> Int:
    debug_assert(lo <= n < hi, "n out of range: ", n)
    return n - lo


def main():
    debug_assert(noisy("cond", 1) > 0, "x must be positive", noisy("message", 2))
    debug_assert(True)
    debug_assert(1 > 2)
    debug_assert(False, "never checked", 3, 4.5)
    var c = Counter()
    debug_assert(c.bump())
    debug_assert(c.bump(), "bumped")
    print("bumps:", c.n)
    print(check_range(7, 0, 5), check_range(3, 1, 10))

    print(factorial(0), factorial(1), factorial(5), factorial(10), factorial(20))
    print(gcd(12, 18), gcd(0, 5), gcd(5, 0), gcd(0, 0), gcd(-12, 18), gcd(12, -18), gcd(17, 5))
    print(lcm(4, 6), lcm(0, 3), lcm(3, 0), lcm(-4, 6), lcm(4, -6), lcm(21, 6), lcm(1, 1))
    var total = 0
    for k in range(1, 8):
        total += gcd(k * 6, 84) + lcm(k, 4)
    print("total", total)
    var n = 6
    print(factorial(n) // factorial(n - 2), gcd(factorial(6), 1024))
