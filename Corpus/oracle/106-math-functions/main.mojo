# std.math of Float64: Mojo 1.2's own exp, exp2, log2, cosh and `x ** y` (digit for digit),
# the C library's functions (correctly rounded), constants, predicates, Int overloads.
from std.math import (
    sqrt, floor, ceil, trunc, exp, exp2, log, log2, log10, log1p, expm1, sin, cos, tan,
    asin, acos, atan, atan2, sinh, cosh, tanh, cbrt, hypot, copysign, isnan, isinf,
    isfinite, inf, nan, pi, e, tau, pow,
)


def show(name: String, x: Float64, value: Float64):
    print(name, x, value)


def main():
    var xs: List[Float64] = [0.5, 1.0, 2.0, 3.7, -1.25, 10.0, 1e-05, 0.1, 42.0, -0.75]
    for x in xs:
        show("exp", x, exp(x))
        show("exp2", x, exp2(x))
        show("cosh", x, cosh(x))
        show("log2", x, log2(abs(x) + 1.0))
        show("log", x, log(abs(x) + 0.5))
        show("log10", x, log10(abs(x) + 1.0))
        show("sin", x, sin(x))
        show("cos", x, cos(x))
        show("tan", x, tan(x))
        show("sinh", x, sinh(x))
        show("sqrt", x, sqrt(abs(x)))
    print(atan(0.5), atan(-1.0), atan2(1.0, 2.0), atan2(-1.0, -2.0), atan2(0.0, -1.0))
    print(asin(0.5), acos(0.5), asin(-1.0), acos(-0.3), hypot(3.0, 4.0), hypot(1e200, 1e200))
    print(copysign(2.0, -1.0), copysign(-3.5, 0.0), log1p(0.5), expm1(0.5), cbrt(27.0), cbrt(-8.0))
    print(pi, e, tau, pi * 2.0)
    print(isnan(nan[DType.float64]()), isinf(inf[DType.float64]()), isfinite(1.5), isfinite(inf[DType.float64]()))
    print(isnan(1.0), isinf(-inf[DType.float64]()), log(0.0), log(-1.0), exp(-800.0), exp(800.0))
    print(sqrt(16), sqrt(17), sqrt(-4), floor(3), ceil(-3), trunc(7))
    # `x ** y`: integral exponents by repeated squaring, others through exp and log.
    var bases: List[Float64] = [2.0, 10.0, 0.5, 0.0, -2.0]
    var exponents: List[Float64] = [1.5, 0.5, 2.0, -2.0, -1.5, 15.0, 0.0, 100.0, -0.5]
    for b in bases:
        var line = String()
        for y in exponents:
            line += String(b ** y) + " "
        print(b, ":", line)
    print(pow(2.0, 0.5), pow(10.0, -2.0), 2.0 ** 0.5, 2.0 ** 10, pow(2, 10), pow(3.0, 2))
    var x = 2.0
    x = x ** 0.25
    print(x)
