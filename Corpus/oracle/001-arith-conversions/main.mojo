def main():
    var a = 7
    var b = -3
    print(a // b, a % b, a / b, -a // b, -a % b, a ** 3, b ** 3)
    print(a << 2, a >> 1, b >> 1, a & b, a | b, a ^ b, ~a)
    var f: Float64 = 7.5
    var g: Float64 = -2.0
    print(f // g, f % g, f / g, f ** 2, g ** -2, -f)
    print(1e16, 1e15, 0.0001, 0.00001, 123456789.125, 1.0 / 3.0)
    print(Int(f), Int(Float64(-7.9)), Float64(3), Float64(True), Int(False))
    print(abs(-2.5), min(2.5, 1.5), max(-0.0, 0.0), min(-0.0, 0.0))
    print(String(3.0), String(-0.0), String(12), String(True) + "!")
