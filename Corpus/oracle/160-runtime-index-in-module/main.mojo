from util import nth


def total(xs: List[Int]) -> Int:
    var s = 0
    for i in range(len(xs) + 1):
        print("adding", i)
        s += nth(xs, i)
    return s


def main():
    var xs: List[Int] = [3, 1, 4]
    print("first", xs[0], "last", xs[len(xs) - 1])
    print(total(xs))
