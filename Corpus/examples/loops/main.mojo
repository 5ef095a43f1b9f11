# A loop-heavy program for run-time comparisons of the backends (Scripts/bench-codegen):
# integer hashing, a sieve over a list, and a floating-point recurrence.


def mix(h: Int, v: Int) -> Int:
    return (h ^ v) * 1099511628211


def sieve_count(n: Int) -> Int:
    var marks = List[Bool](length=n + 1, fill=True)
    var count = 0
    for i in range(2, n + 1):
        if marks[i]:
            count += 1
            var j = i * i
            while j <= n:
                marks[j] = False
                j += i
    return count


def main():
    var h = 1469598103934665603
    for i in range(30_000_000):
        h = mix(h, i % 1021)
    print("hash", h)
    print("primes", sieve_count(3_000_000))
    var x: Float64 = 0.5
    var acc: Float64 = 0.0
    for k in range(10_000_000):
        x = 3.7 * x * (1.0 - x)
        acc += x
    print("logistic", acc)
