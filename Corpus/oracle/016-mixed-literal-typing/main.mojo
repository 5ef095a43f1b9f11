def main():
    var c = True
    var x = 3.0 if c else 2.5
    var f: Float64 = 3
    print(x, f / 2, min(1.0, 2.5), max(2, 3), abs(-3), abs(-2.5))
    print(Float64(1) / 3, 10.0 // 3.0, 10.0 % 3.5, -7.0 // 2.0, 2 ** 10 / 4)
    var y: Float64 = 1.5
    print(1.0 < y < 2.5, y > 1, y == 1.5, y != 2)
    var n = 7
    print(not n, not 0 == 1, n > 3 and n < 10, n == 7 or n / 0 == 1)
    var s = String(n) + String(y) + String(c)
    print(s, s.byte_length())
    print(Int(y * 3.0), Int(-y), Float64(n) / 2.0, Int(True) + 1)
    var big: Float64 = 1e300
    print(big * 1e10, -big * 1e10, big * 1e10 - big * 1e10)
    var tiny: Float64 = 5e-324
    print(tiny, tiny / 2.0, 0.1 * 3.0, 1.0 - 0.9)
