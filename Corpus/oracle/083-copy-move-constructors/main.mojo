# Copy and move constructors as Mojo 1.2 writes them, and when they run.


struct Buffer(Copyable, Movable):
    var name: String
    var data: List[Int]

    def __init__(out self, name: String, size: Int):
        self.name = name
        self.data = List[Int](length=size, fill=0)
        print("create", name)

    def __init__(out self, *, copy: Self):
        self.name = copy.name + "'"
        self.data = copy.data.copy()
        print("copy", copy.name)

    def __init__(out self, *, deinit move: Self):
        self.name = move.name
        self.data = move.data^
        print("move", self.name)

    def __deinit__(deinit self):
        print("drop", self.name)

    def total(self) -> Int:
        var s = 0
        for x in self.data:
            s += x
        return s


def fill(var b: Buffer, value: Int) -> Buffer:
    for i in range(len(b.data)):
        b.data[i] = value
    return b^


def make(name: String) -> Buffer:
    var b = Buffer(name, 2)
    b.data[0] = 7
    return b^


def main():
    var a = Buffer("a", 3)
    var b = a.copy()
    b.data[0] = 5
    print(a.name, a.total(), b.name, b.total())
    var c = a^
    print("moved", c.name)
    var d = fill(c^, 4)
    print("filled", d.name, d.total())
    var e = make("e")
    print("made", e.name, e.total())
    var f = e.copy()
    print("copied", f.name)
    print("end")
