import a
import b
import math


def main():
    print(a.f(), b.f(), a.Thing(1).v, b.Thing(2.5).v, math.half(9))
    var x: Int
    var flag = a.f() > 0
    if flag:
        x = 10
    else:
        x = 20
    print(x, 0xFFFFFFFFFFFFFFFF, 0b1111 << 60, -0x8000000000000000)
    var i = 0
    var total = 0
    while i < 3:
        var inner = i * 10
        total += inner
        i += 1
    print(total, "héllo wörld", "日本".byte_length())
    var _unused = 5
    _ = a.f()
