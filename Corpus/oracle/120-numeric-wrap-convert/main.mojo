def main():
    var a: Int8 = 127
    a += 1
    print(a)
    var b = Int8(-128)
    print(b // -1, b % -1)
    print(Int8(-7) // 2, Int8(-7) % 2, Int8(7) // -2, Int8(7) % -2)
    print(Int8(-7) / 2)
    var u: UInt8 = 255
    u += 1
    print(u)
    var u2: UInt8 = 0
    u2 -= 1
    print(u2)
    print(UInt8(200) + UInt8(100))
    print(UInt64(0) - 1)
    print(UInt(0) - 1)
    print(Int16(300) * Int16(300))
    print(Int32(2147483647) + 1)
    print(UInt32(4294967295) + 1)
    print(Int64(9223372036854775807) + 1)
    print(Float32(0.1))
    print(Float32(1.0) / Float32(3.0))
    print(Float32(16777217.0))
    print(Float32(3.14159265358979))
    print(Float32(1e38) * 10)
    print(Float32(1.5e-45))
    print(Float64(Float32(0.1)))
    print(Int(Int8(-5)), Int(UInt8(250)))
    print(UInt8(300), Int8(200), UInt8(-1))
    var i = 300
    print(UInt8(i), Int8(i), UInt16(-1 * i))
    print(Float32(i) / 7)
    print(Bool(Int8(0)), Bool(UInt8(3)), Bool(Float32(0.0)))
    print(Int8(Float64(3.9)), UInt8(Float64(255.9)), Int(Float32(2.5)))
