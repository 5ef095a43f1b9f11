# Template strings t"...", StaticString, Optional[T](), List(length=, fill=), swap_elements,
# assert_equal of lists, for ref.
from std.testing import assert_equal, assert_not_equal


@fieldwise_init
struct Dog(Writable):
    var name: String
    var age: Int

    def write_to(self, mut writer: Some[Writer]):
        t"Dog({self.name}, {self.age})".write_to(writer)


def is_operator(token: StaticString) -> Bool:
    return token == "+" or token == "-"


def greet(name: String) -> String:
    return String(t"Hello, {name}!")


def main() raises:
    var d = Dog("Rex", 3)
    print(d)
    var n = 5
    print(String(t"n={n}, twice={n * 2}"))
    var count = 3
    var items = "apples"
    var template = t"Give me {count} {items}."
    print(String(template))
    var xs = [1, 2, 3]
    print(String(t"{xs[0] + xs[1]} of {len(xs)}: {xs}"))
    print(String(t"Use {{braces}} like this"), String(t""), greet("Nate"))
    print(String(t"{ n }\t{n > 3}|{1.5}|{d}"))

    var ops: List[StaticString] = ["+", "*", "-"]
    for op in ops:
        print(op, is_operator(op))
    var label: StaticString = "static"
    print(label, len(ops))

    var empty = Optional[Int]()
    var full = Optional[Int](4)
    print(Bool(empty), full.value(), empty.or_else(-1))
    if not empty:
        print("empty")

    var parents = List(length=4, fill=-1)
    var names = List(length=2, fill=String("x"))
    print(parents, names)
    var ys: List[Int] = [1, 2, 3, 4]
    ys.swap_elements(0, 3)
    ys.swap_elements(1, 1)
    var ss: List[String] = ["a", "b"]
    ss.swap_elements(0, 1)
    print(ys, ss)

    var rows: List[List[Int]] = [[1, 2], [3]]
    for ref row in rows:
        row.append(0)
    print(rows, len(rows[0]), len(rows[1]))

    assert_equal(ys, [4, 2, 3, 1])
    assert_not_equal(ss, ["a", "b"])
    assert_equal(ss, ["b", "a"], "strings")
    try:
        assert_equal(ys, [1, 2])
    except e:
        print(String(e).split("main.mojo:")[1])
    try:
        assert_equal(ss, ["a"], "why")
    except e:
        print(String(e).split("main.mojo:")[1])
