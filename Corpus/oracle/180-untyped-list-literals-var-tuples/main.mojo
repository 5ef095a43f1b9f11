# Untyped list literals (Mojo 1.2 types them `Array[T, N]`) and `var a, b = ...`.


def fib(n: Int) -> Int:
    var a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def min_max(xs: List[Int]) -> Tuple[Int, Int]:
    var lo, hi = xs[0], xs[0]
    for x in xs:
        if x < lo:
            lo = x
        if x > hi:
            hi = x
    return (lo, hi)


def main():
    var primes = [2, 3, 5, 7, 11]
    print(primes, len(primes), primes[2])
    var total = 0
    for p in primes:
        total += p
    print("sum", total)
    primes[0] = 1
    print(primes, 7 in primes, 4 in primes)
    var words = ["alpha", "beta", "gamma"]
    for w in words:
        print(w, w.byte_length())
    print(words)
    var grid = [[1, 2], [3, 4]]
    print(grid[1][0], grid)
    var flags = [True, False]
    var ratios = [0.5, 2.25]
    print(flags, ratios)
    var copy = primes.copy()
    copy[1] = 99
    print(primes, copy)
    print(fib(10), fib(50))
    var lo, hi = min_max([4, -2, 9, 0])
    print(lo, hi)
    var name, count, ratio = "x", 3, 1.5
    print(name, count, ratio)
    name, count = "y", count + 1
    print(name, count)
    for v in [10, 20]:
        print(v)
