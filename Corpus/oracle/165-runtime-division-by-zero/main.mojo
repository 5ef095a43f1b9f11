# Integer division by zero, as Mojo 1.2 runs it: `//` and `%` by zero give 0 (every integer
# type), `MIN // -1` wraps, and `/` by zero is a fault (SIGFPE) after what was printed.


def divide_all(a: Int, b: Int):
    print(a // b, a % b, (-a) // b, (-a) % b)
    var x: Int8 = Int8(a)
    var y: Int8 = Int8(b)
    print(x // y, x % y)
    var u: UInt64 = UInt64(a)
    var v: UInt64 = UInt64(b)
    print(u // v, u % v)
    var w: UInt8 = UInt8(a)
    var z: UInt8 = UInt8(b)
    print(w // z, w % z)
    var q = a
    q //= b
    var r = a
    r %= b
    print(q, r)


def main():
    var values: List[Int] = [0, 7, -1]
    var zero = values[0]
    divide_all(values[1], zero)
    divide_all(values[1], values[2])
    print(values[1] / 2, (-values[1]) / 2, values[1] / -2)
    print("before the fault")
    print(values[1] / zero)
    print("not reached")
