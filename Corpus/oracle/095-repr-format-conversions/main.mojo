# repr(x): Mojo 1.2's representation of numbers, strings, lists, dicts and structs (through
# write_repr_to, or the reflected Name(field=...) form).
@fieldwise_init
struct Dog(Copyable, Writable):
    var name: String
    var age: Int

    def write_to(self, mut writer: Some[Writer]):
        t"Dog({self.name}, {self.age})".write_to(writer)

    def write_repr_to(self, mut writer: Some[Writer]):
        t"Dog(name={repr(self.name)}, age={repr(self.age)})".write_to(writer)


@fieldwise_init
struct Point(Copyable, Writable):
    var x: Int
    var tags: List[String]
    var ok: Bool

    def write_to(self, mut writer: Some[Writer]):
        writer.write("Point")


@fieldwise_init
struct Q(Copyable, Writable):
    var a: Float64

    def write_to(self, mut writer: Some[Writer]):
        writer.write("Q")

    def write_repr_to(self, mut writer: Some[Writer]):
        writer.write("Q(a=", repr(self.a), ")")


@fieldwise_init
struct IntLike(Intable):
    var i: Int

    def __int__(self) -> Int:
        return self.i


def main() raises:
    var dog = Dog("Rex", 5)
    print(Int(IntLike(42)) == 42, Int(IntLike(7)) + 1)
    var info = String("String: {!s}\nRepresentation: {!r}").format(dog, dog)
    print(info)
    print("{0!r} and {1}".format("a", 2.5))
    var nums: List[Int] = [1, 2]
    print("{!r} {!r} {}".format(3, nums, "z"))
    print(repr(dog))
    print(dog)
    print(repr(5), repr(-3), repr(2.5), repr(True), repr(False))
    print(repr("it's \"x\"\n\t\\"), repr("a\rb\x00c\x1b\x7f"), repr("é"))
    print(repr(UInt8(7)), repr(Int8(-2)), repr(Float32(1.5)), repr(UInt(3)), repr(Int64(4)))
    print(repr(0.1), repr(1e20), repr(Float64(3)))
    var l: List[Int] = [1, 2]
    print(repr(l))
    var names: List[String] = ["x", "y'z"]
    print(repr(names))
    var ll: List[List[Int]] = [[1], []]
    print(repr(ll))
    var bools: List[Bool] = [True]
    print(repr(bools))
    var d = {"a": 1, "b": 2}
    print(repr(d))
    var di = {1: "x"}
    print(repr(di))
    print(repr(Point(3, ["t"], False)))
    var pts: List[Point] = [Point(1, [], True)]
    print(repr(pts))
    print(repr(Q(0.5)))
    var s = String("text")
    print(repr(s), repr(s).byte_length())
