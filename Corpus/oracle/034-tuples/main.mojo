# Tuples: literals, `Tuple[...]` types, indexing, `len`, printing, tuple returns and unpacking.


@fieldwise_init
struct Entry(Copyable, Movable):
    var pos: Tuple[Int, Int]
    var name: String


def swap(a: Int, b: Int) -> Tuple[Int, Int]:
    return b, a


def stats(xs: List[Int]) -> Tuple[Int, Int, Float64]:
    var lo = xs[0]
    var hi = xs[0]
    var total = 0
    for x in xs:
        lo = min(lo, x)
        hi = max(hi, x)
        total += x
    return (lo, hi, Float64(total) / Float64(len(xs)))


def name_age() -> Tuple[String, Int]:
    return ("bob", 42)


def takes(t: Tuple[Int, String]) -> String:
    return t[1] + String(t[0])


def divmod_(a: Int, b: Int) -> Tuple[Int, Int]:
    return a // b, a % b


def main():
    var t = (1, "two", 3.0)
    print(t[0], t[1], t[2])
    print(len(t), t)
    var a = 1
    var b = 2
    a, b = b, a
    print(a, b)
    var p = swap(3, 4)
    print(p[0], p[1], p)
    var lo: Int
    var hi: Int
    var mean: Float64
    lo, hi, mean = stats([3, 1, 4, 1, 5])
    print(lo, hi, mean)
    var na = name_age()
    print(na[0], na[1])
    print(takes((7, "x")))
    var u: Tuple[Float64, Int] = (5, 6)
    print(u[0] + 1, u[1] + 1)
    var x = 0
    var y = 0
    x, y = 10, 20
    print(x, y)
    var fib_a = 0
    var fib_b = 1
    for _ in range(10):
        fib_a, fib_b = fib_b, fib_a + fib_b
    print(fib_a)
    var q: Int
    var r: Int
    q, r = divmod_(17, 5)
    print(q, r)
    var pairs = List[Tuple[Int, String]]()
    pairs.append((1, "one"))
    pairs.append((2, "two"))
    for pr in pairs:
        print(pr[0], pr[1])
    print(len(pairs), pairs[1][1], pairs)
    var nested = ((1, 2), "x")
    print(nested[0][1], nested[1], nested)
    var e = Entry((3, 4), "e")
    print(e.pos[0] + e.pos[1], e.name)
    var xs: List[Int] = [0, 0]
    xs[0], xs[1] = 7, 8
    print(xs)
    var i = 0
    var j = 1
    xs[i], xs[j] = xs[j], xs[i]
    print(xs)
    var one = (5,)
    var ys: List[Int] = [1]
    print(one, ((1, 2.5), True), (ys.copy(), 3))
