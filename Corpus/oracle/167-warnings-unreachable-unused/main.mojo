# Mojo 1.2's warnings about code that never runs and variables nobody uses, in its order:
# discarded values and constant conditions, then unreachable code (each by position over the
# file), then per function its unused loop variables, assignments and variables.


@fieldwise_init
struct Pair(Copyable, Movable):
    var left: Int
    var right: Int

    def total(self) -> Int:
        return self.left + self.right


def one() -> Int:
    return 1


def after_return(x: Int) -> Int:
    var unused = 10
    var never: Int
    return x + 1
    print("after return")


def after_raise(x: Int) raises -> Int:
    if x > 100:
        raise Error("too big")
        print(x + 1)
    return x


def after_break_continue(n: Int) -> Int:
    var total = 0
    for i in range(n):
        if i == 3:
            break
            total += 100
        if i == 1:
            continue
            print(i)
        total += i
    for j in range(2):
        total += 1
    return total


def after_endless_loop(n: Int) -> Int:
    var k = 0
    while True:
        k += 1
        if k > n:
            return k
    print("never")


def after_if_else(x: Int) -> Int:
    if x > 0:
        return 1
    elif x < 0:
        return -1
    else:
        return 0
    print(x)


def after_try(x: Int) raises -> Int:
    try:
        if x > 0:
            raise Error("positive")
        return 0
    except:
        return 1
    print("after try")


def unreachable_except(p: Pair) -> Int:
    try:
        return p.total()
    except e:
        print(e)
    return 0


def quiet_try() raises:
    try:
        print("quiet")
    except:
        pass


def places(a: Int, b: Int, mut p: Pair, mut items: List[Int], r: Pair) -> Int:
    if a > 1000:
        return 0
        p.left = 3
    if a > 2000:
        return 0
        items[0] = 3
    if a > 3000:
        return 0
        print(a < b)
    if a > 4000:
        return 0
        print(one() + 1)
    if a > 5000:
        return 0
        var q = a * b
    if a > 6000:
        return 0
        for i in range(a):
            print(i)
    if a > 7000:
        return 0
        print(r.total())
    if a > 8000:
        return 0
        pass
        print(items[a])
    return a + b


def main() raises:
    var first, second = 1, 2
    one()
    if 1 < 2:
        print("constant")
    var p = Pair(1, 2)
    var items: List[Int] = [1, 2, 3]
    print(after_return(first))
    print(after_raise(5))
    print(after_break_continue(6))
    print(after_endless_loop(3))
    print(after_if_else(4))
    print(after_try(0))
    print(unreachable_except(p))
    quiet_try()
    print(places(1, 2, p, items, Pair(3, 4)))
