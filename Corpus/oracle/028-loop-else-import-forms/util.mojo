comptime SCALE = 10


def double(x: Int) -> Int:
    return x * 2


def triple(x: Int) -> Int:
    return x * 3


struct Pair:
    var a: Int
    var b: Int

    def __init__(out self, a: Int, b: Int):
        self.a = a
        self.b = b

    def sum(self) -> Int:
        return self.a + self.b
