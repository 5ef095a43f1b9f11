def classify(x: Float64) -> String:
    if x != x:
        return "nan"
    if x < 0.0:
        return "neg"
    return "pos" if x > 0.0 else "zero"


def main():
    var vals: List[Float64] = [1.5, -0.0, 0.0, 1e300 * 1e300, -(1e300 * 1e300)]
    var zero: Float64 = 0.0
    vals.append(zero / zero)
    for v in vals:
        print(v, classify(v), end="; ")
    print()
    print(vals)
    var a = 0.1
    var b = 0.2
    print(a + b, a * 3.0, 1.0 / 3.0, 2.0 ** 10, 10.0 // 3.0, -7.5 % 2.0, 5.3 % 2.0)
    print(1 < 2 < 3, 3 > 2 > 2, "ab" < "b", "B" < "a", "" == "", "x" != "x")
    var n = 255
    print(n & 0xF, n | 0x100, n ^ 0b1010, n >> 4, -n >> 4, 1 << 62)
    var big = 9223372036854775807
    print(big + 1, -big - 1, big * 3, abs(-big - 1))
