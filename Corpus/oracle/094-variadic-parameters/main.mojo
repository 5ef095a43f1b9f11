# Variadic parameters `*values: T` (a list of the remaining positional arguments), `-> None`,
# `x^ if c else y^`, and `&` in a conformance list.
def add(*values: Int) -> Int:
    var total = 0
    for v in values:
        total += v
    return total


def describe(label: String, *names: String, sep: String = ", ") -> String:
    var text = label + ": "
    for i in range(len(names)):
        if i > 0:
            text += sep
        text += names[i]
    return text


def count_all(*lists: List[Int]) -> Int:
    var n = 0
    for xs in lists:
        n += len(xs)
    return n


def average(*xs: Float64) -> Float64:
    if len(xs) == 0:
        return 0.0
    var s = 0.0
    for x in xs:
        s += x
    return s / Float64(len(xs))


struct Bag:
    var items: List[Int]

    def __init__(out self, var *elements: Int):
        self.items = List[Int]()
        for e in elements:
            self.items.append(e)

    def add_all(mut self, *elements: Int):
        for e in elements:
            self.items.append(e)


@fieldwise_init
struct Pair(Copyable & Writable):
    var a: Int
    var b: Int

    def write_to(self, mut writer: Some[Writer]):
        writer.write("Pair(", self.a, ", ", self.b, ")")


def show(p: Pair) -> None:
    print(p)


def pick(var a: List[Int], var b: List[Int], first: Bool) -> List[Int]:
    return a^ if first else b^


def main():
    print(add(), add(1), add(1, 2, 3, 4))
    print(describe("names"), describe("names", "a"), describe("names", "a", "b", "c", sep=" | "))
    print(count_all([1, 2], [3], []))
    print(average(), average(1.0, 2.0, 4.5))
    var bag = Bag(1, 2, 3)
    bag.add_all(4, 5)
    bag.add_all()
    print(bag.items)
    show(Pair(1, 2))
    print(pick([1], [2, 3], False))
