# Sorting lists: an in-place quicksort (Lomuto partition) and an insertion sort on
# pseudo-random integers, with checks that the results are sorted.


def random_list(n: Int, seed: Int) -> List[Int]:
    var xs = List[Int](capacity=n)
    var s = seed
    for _ in range(n):
        s = (s * 6364136223846793005 + 1442695040888963407)
        xs.append((s >> 33) % 1_000_000)
    return xs^


def quicksort(mut xs: List[Int], lo: Int, hi: Int):
    if lo >= hi:
        return
    var pivot = xs[(lo + hi) // 2]
    var mid = xs[hi]
    xs[hi] = pivot
    xs[(lo + hi) // 2] = mid
    var store = lo
    for i in range(lo, hi):
        if xs[i] < pivot:
            var t = xs[i]
            xs[i] = xs[store]
            xs[store] = t
            store += 1
    var t = xs[store]
    xs[store] = xs[hi]
    xs[hi] = t
    quicksort(xs, lo, store - 1)
    quicksort(xs, store + 1, hi)


def insertion_sort(mut xs: List[Int]):
    for i in range(1, len(xs)):
        var v = xs[i]
        var j = i - 1
        while j >= 0 and xs[j] > v:
            xs[j + 1] = xs[j]
            j -= 1
        xs[j + 1] = v


def is_sorted(xs: List[Int]) -> Bool:
    for i in range(1, len(xs)):
        if xs[i - 1] > xs[i]:
            return False
    return True


def main():
    var xs = random_list(400_000, 42)
    quicksort(xs, 0, len(xs) - 1)
    print("quicksort sorted:", is_sorted(xs), "min", xs[0], "median", xs[len(xs) // 2], "max", xs[len(xs) - 1])
    var ys = random_list(4_000, 7)
    insertion_sort(ys)
    print("insertion sorted:", is_sorted(ys), "first", ys[0], "last", ys[len(ys) - 1])
    var checksum = 0
    for i in range(len(xs)):
        checksum = (checksum * 31 + xs[i]) % 1_000_000_007
    print("checksum", checksum)
