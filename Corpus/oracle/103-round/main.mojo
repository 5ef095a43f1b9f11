# round(x) (ties to even), round(x, ndigits) of Float64 (scaled by 10**ndigits, rounded, scaled
# back, so 2.675 -> 2.68), round(n) and round(n, ndigits) of Int (Mojo 1.2 rounds down at a
# negative ndigits).
def main():
    var xs: List[Float64] = [0.125, 0.375, 2.675, 1.005, 0.285, 1234.5678, -0.125, -2.675, 0.5, 1.5,
                             2.5, -0.5, 1e20, 3.14159, 99.995, 0.045, 1.0 / 3.0, 2.0 / 3.0, 5.55, 8.325]
    for x in xs:
        print(x, round(x), round(x, 1), round(x, 2), round(x, 3), round(x, -1), round(x, 0))
    print(round(15, -1), round(25, -1), round(-15, -1), round(7, 2), round(149, -2), round(150, -2))
    print(round(16, -1), round(-16, -1), round(5, -1), round(55, -1), round(-25, -1), round(999, -3))
    var n: Int = 17
    print(round(n), round(n, -1), round(n, 3))
    var total = 0.0
    for k in range(1, 8):
        total += 1.0 / Float64(k)
    print("total:", round(total, 4), round(total * 100) / 100)
    print(round(2.5), round(3.5), round(-3.5), round(0.49999999999999994), round(4503599627370497.0))
