# Longest Collatz chain below a bound: a tight integer loop with division and branches.


def chain_length(start: Int) -> Int:
    var n = start
    var steps = 1
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


def main():
    var limit = 150_000
    var best = 1
    var best_start = 1
    var total = 0
    for start in range(1, limit):
        var length = chain_length(start)
        total += length
        if length > best:
            best = length
            best_start = start
    print("longest chain below", limit, "starts at", best_start, "with", best, "terms")
    print("total steps", total)
