# Naive recursive Fibonacci and Ackermann-style recursion: call-heavy code.


def fib(n: Int) -> Int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def tak(x: Int, y: Int, z: Int) -> Int:
    if y < x:
        return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y))
    return z


def main():
    print("fib(32) =", fib(32))
    print("tak(18, 12, 6) =", tak(18, 12, 6))
