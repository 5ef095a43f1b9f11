from std.math import sqrt, floor, ceil

def mean(xs: List[Float32]) -> Float32:
    var total: Float32 = 0
    for x in xs:
        total += x
    return total / Float32(len(xs))

def scale(v: Int16, factor: Int16 = 3) -> Int16:
    return v * factor

def main():
    var x = Int8(5)
    print(x.cast[DType.float32]() / 3, Int(3).cast[DType.uint8](), Float64(2.5).cast[DType.int16]())
    print(UInt8(200).cast[DType.int8](), Int32(-1).cast[DType.uint32](), x.cast[DType.float64]() / 3)
    var f: Float32 = 2
    print(sqrt(f), floor(Float32(2.5)), ceil(Float32(-2.5)), sqrt(Float16(2.0)))
    var xs: List[Float32] = [0.1, 0.2, 0.3, 0.7]
    print(mean(xs))
    var ys: List[Int16] = [300, -5, 42, 7]
    sort(ys)
    print(ys, Int16(42) in ys, Int16(8) not in ys)
    sort(xs)
    print(xs, Float32(0.2) in xs)
    print(scale(20000), scale(7, 2))
    var bits: UInt32 = 0
    for i in range(32):
        if i % 3 == 0:
            bits |= UInt32(1) << UInt32(i)
    print(bits, bits >> 16, ~bits, bits & 0xFF, bits ^ 0xFFFFFFFF)
    var a: Int64 = 9223372036854775807
    var b = a + 1
    print(b, b // -1, b % 7, Int64(-7) // 2)
    var u: UInt = 10
    u -= 11
    print(u, u // 2, u % 1000, UInt(7) // UInt(2))
    var acc: UInt16 = 1
    for _ in range(20):
        acc = acc * 3 + 1
    print(acc)
    var c: UInt8 = 250
    while c != 4:
        c += 1
    print(c, Bool(c), not c, -c, String(c) + "!")
    var g: Float32 = 1e30
    print(g * g, -g * g, Float32(1) / Float32(3) * 3, Float32(16777216) + 1)
    var t = (Float32(1.5), Int8(-1))
    print(t)
