# Sieve of Eratosthenes over a List[Bool], repeated, plus a count of twin primes.


def sieve(n: Int) -> List[Bool]:
    var marks = List[Bool](length=n + 1, fill=True)
    marks[0] = False
    marks[1] = False
    var i = 2
    while i * i <= n:
        if marks[i]:
            var j = i * i
            while j <= n:
                marks[j] = False
                j += i
        i += 1
    return marks^


def main():
    var n = 4_000_000
    var total = 0
    for round in range(3):
        var marks = sieve(n - round)
        var count = 0
        var twins = 0
        for k in range(2, n - round + 1):
            if marks[k]:
                count += 1
                if k >= 4 and marks[k - 2]:
                    twins += 1
        print("round", round, "primes", count, "twins", twins)
        total += count
    print("total", total)
