# range over sized integer types: the loop variable has the type of the first argument.
def gl_pi(n: UInt) -> Float64:
    var pi: Float64 = 0
    for i in range(n):
        if i % 2 == 0:
            pi += 1.0 / (2.0 * Float64(i) + 1.0)
        else:
            pi -= 1.0 / (2.0 * Float64(i) + 1.0)
    return pi * 4.0


def main():
    var n: UInt = 3
    for i in range(n):
        var y: UInt = i
        print(y)
    for i in range(UInt(1), n):
        print(i + 10)
    var m: Int8 = 3
    for i in range(m):
        var y: Int8 = i
        print(y * 50)
    for i in range(UInt8(250), 255, 2):
        print(i + 10)
    var total: UInt64 = 0
    for i in range(UInt64(5)):
        total += i
    print(total)
    var squares = [Int(i * i) for i in range(UInt(4))]
    print(squares)
    print(gl_pi(1000))
