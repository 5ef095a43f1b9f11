# The README's example: a small multi-module project with a package.
from numtheory.primes import is_prime, count_primes
from numtheory import gcd
import report


def main():
    report.banner()
    var n = 100
    print("primes below", n, "=", count_primes(n))
    var last = 0
    for k in range(n - 1, 1, -1):
        if is_prime(k):
            last = k
            break
    print("largest prime below", n, "is", last)
    print("gcd(1071, 462) =", gcd.gcd(1071, 462))
    print("2147483647 is prime:", is_prime(2147483647))
