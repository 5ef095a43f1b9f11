struct Pixel:
    var r: UInt8
    var g: UInt8
    var w: Float32

    def __init__(out self, r: UInt8, g: UInt8, w: Float32):
        self.r = r
        self.g = g
        self.w = w

def brighten(p: Pixel, amount: UInt8) -> Pixel:
    return Pixel(p.r + amount, p.g + amount, p.w * 1.5)

def checksum(data: List[UInt8]) -> UInt32:
    var h: UInt32 = 2166136261
    for b in data:
        h = (h ^ UInt32(b)) * 16777619
    return h

def fnv64(s: List[UInt8]) -> UInt64:
    var h: UInt64 = 14695981039346656037
    for b in s:
        h ^= UInt64(b)
        h *= 1099511628211
    return h

def main():
    var p = Pixel(250, 10, 0.3)
    var q = brighten(p, 10)
    print(q.r, q.g, q.w)
    var data: List[UInt8] = [104, 101, 108, 108, 111]
    print(checksum(data), fnv64(data))
    print(fnv64(data) >> 60, fnv64(data) % 1000, fnv64(data) // 3)
    var h = Float16(0.1)
    print(h, h * 3, Float16(65504.0) + Float16(16.0), Float16(1.0) / Float16(3.0))
    var f: Float32 = 0.0
    for _ in range(10):
        f += 0.1
    print(f, Float64(f), String(f))
    var total: Int64 = 0
    for i in range(5):
        total += Int64(i) * 1000000000000
    print(total, -total, abs(Int16(-300)), min(UInt64(3), UInt64(18446744073709551615)), max(Int8(-3), Int8(2)))
    print(UInt64(18446744073709551615) > UInt64(5), UInt(1) < UInt(0) - 1)
    var xs: List[Float32] = [1.5, 2.25]
    xs.append(3)
    print(xs, len(xs))
    print(Int32(-7) // 2, Int32(-7) % 2, UInt16(65535) * UInt16(2))
    print(Float64(UInt64(18446744073709551615)), UInt64(Float64(1e19)), Int(UInt8(200)), Float32(Int64(16777217)))
    var t = (Int8(1), UInt8(2))
    print(t[0], t[1])
