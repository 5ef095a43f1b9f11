def main():
    var a: Int8 = 5
    print(a << 3, a << 7, Int8(-1) >> 3, UInt8(255) >> 3, UInt64(18446744073709551615) >> 60)
    print(UInt64(18446744073709551615) > UInt64(1), UInt(5) < UInt(18446744073709551615))
    print(UInt64(18446744073709551615) // 10, UInt64(18446744073709551615) % 10)
    print(UInt64(18446744073709551615) / 10)
    print(-Int8(-128), ~UInt8(5), ~Int16(5), -UInt8(1))
    print(Int8(5) ** 3, UInt8(3) ** 6)
    var xs: List[Int8] = [1, 2, -3]
    print(xs[0] + xs[2])
    print(String(Int8(-7)), String(UInt64(18446744073709551615)), String(Float32(0.2)))
    var f: Float32 = 2.5
    print(f * 2, f + 0.1, f - 1)
    print(Float32(1e10), Float32(123456789.0), Float32(0.000001), Float32(1e-7), Float32(1e16))
    print(Float32(-0.0), Float32(1.0)/Float32(0.0), Float32(0.0)/Float32(0.0))
    print(abs(Int8(-5)), min(UInt8(3), UInt8(4)), max(Float32(1.5), Float32(2.5)))
    print(Int8(5) == 5, UInt8(3) != UInt8(3), Float32(0.1) == 0.1)
    print(Float64(UInt64(18446744073709551615)), UInt64(Float64(1e19)))
