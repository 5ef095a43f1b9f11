def collatz_len(n: Int) -> Int:
    var steps = 1
    var x = n
    while x != 1:
        x = x // 2 if x % 2 == 0 else 3 * x + 1
        steps += 1
    return steps


def fib_memo(n: Int, mut memo: List[Int]) -> Int:
    if memo[n] >= 0:
        return memo[n]
    var v = fib_memo(n - 1, memo) + fib_memo(n - 2, memo)
    memo[n] = v
    return v


def bubble(mut xs: List[Int]):
    var n = len(xs)
    for i in range(n):
        for j in range(n - 1 - i):
            if xs[j] > xs[j + 1]:
                var t = xs[j]
                xs[j] = xs[j + 1]
                xs[j + 1] = t


def main():
    var best = 0
    var best_n = 0
    for n in range(1, 3000):
        var l = collatz_len(n)
        if l > best:
            best = l
            best_n = n
    print(best_n, best)
    var memo = List[Int](length=91, fill=-1)
    memo[0] = 0
    memo[1] = 1
    print(fib_memo(90, memo))
    var xs: List[Int] = [5, -2, 9, 0, 3, 3, -7]
    bubble(xs)
    print(xs)
    var seed = 12345
    var rs = List[Int]()
    for _ in range(8):
        seed = (seed * 1103515245 + 12345) % 2147483648
        rs.append(seed % 100)
    print(rs)
    var acc: Float64 = 0.0
    for i in range(1, 1001):
        acc += 1.0 / Float64(i * i)
    print(acc, (acc * 6.0) ** 1)
