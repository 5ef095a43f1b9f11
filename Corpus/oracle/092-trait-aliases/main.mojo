# Trait aliases: `comptime Alias = TraitA & TraitB` names the traits together, as a bound
# and as a conformance.
comptime MassProducible = Defaultable & Movable


trait Named:
    def name(self) -> String:
        ...


trait Shape:
    def area(self) -> Float64:
        ...


comptime NamedShape = Named & Shape
comptime Printable = Writable & Copyable


def factory[T: MassProducible]() -> T:
    return T()


struct Thing(MassProducible):
    var id: Int

    def __init__(out self):
        self.id = 7

    def __init__(out self, *, deinit move: Self):
        self.id = move.id


@fieldwise_init
struct Square(NamedShape, Printable):
    var side: Float64

    def name(self) -> String:
        return "square"

    def area(self) -> Float64:
        return self.side * self.side

    def write_to(self, mut writer: Some[Writer]):
        writer.write("Square(", self.side, ")")


def describe[T: NamedShape](s: T) -> String:
    return s.name() + " of area " + String(s.area())


def show[T: Printable](x: T):
    print("show:", x)


def main():
    var thing = factory[Thing]()
    print(thing.id)
    _ = thing^
    var sq = Square(3.0)
    print(describe(sq))
    show(sq)
