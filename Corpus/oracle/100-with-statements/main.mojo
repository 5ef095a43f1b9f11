# Context managers: __enter__ / __exit__, `as`, several items, leaving the body by return,
# break, continue and an error; std.testing's assert_raises.
from std.testing import assert_raises, assert_equal


struct Resource:
    var name: String

    def __init__(out self, name: String):
        self.name = name
        print("open", name)

    def __enter__(self) -> Int:
        print("enter", self.name)
        return self.name.byte_length()

    def __exit__(self):
        print("exit", self.name)

    def __deinit__(deinit self):
        print("close", self.name)


struct Quiet:
    def __init__(out self):
        pass

    def __enter__(self):
        print("quiet enter")

    def __exit__(self):
        print("quiet exit")


def risky(x: Int) raises -> Int:
    if x < 0:
        raise Error("negative value: " + String(x))
    return x * 2


def first_length() -> Int:
    with Resource("early") as n:
        return n + 100
    return 0


def main() raises:
    with Resource("a") as x:
        print("inside", x)
    print("after")
    with Resource("outer"), Resource("in") as y:
        print("both", y)
    print(first_length())
    for i in range(3):
        with Resource("loop"):
            if i == 1:
                continue
            if i == 2:
                break
            print("iteration", i)
    try:
        with Resource("failing"):
            _ = risky(-1)
            print("not reached")
    except e:
        print("caught:", e)
    var r = Resource("moved")
    with r^ as z:
        print("z", z)
    with Quiet():
        print("quiet body")
    with assert_raises():
        _ = risky(-2)
    with assert_raises(contains="negative"):
        _ = risky(-3)
    try:
        with assert_raises(contains="positive"):
            _ = risky(-4)
    except e:
        print("other error:", e)
    try:
        with assert_raises():
            print("no error")
    except e:
        print(e)
    assert_equal(risky(2), 4)
    print("end")
