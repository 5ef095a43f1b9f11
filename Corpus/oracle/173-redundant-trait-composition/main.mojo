trait Named:
    def name(self) -> String: ...

trait Titled(Named):
    def title(self) -> String: ...

trait Shape(Copyable, Movable):
    def area(self) -> Int: ...

@fieldwise_init
struct Square(Copyable & Movable, Shape, Titled, Writable):
    var side: Int

    def area(self) -> Int:
        return self.side * self.side

    def name(self) -> String:
        return "square"

    def title(self) -> String:
        return "Square"

    def write_to(self, mut writer: Some[Writer]):
        writer.write("Square(", self.side, ")")

def show[T: Movable & Copyable & Writable](x: T):
    print(x)

def twice[T: ImplicitlyCopyable & Copyable & Movable](x: T) -> List[T]:
    return [x, x]

def label[T: Titled & Named](x: T) -> String:
    return x.title() + "/" + x.name()

def same[T: Named & Named, U: Copyable & Writable](x: T, y: U) -> String:
    return x.name()

def less[T: Comparable & Equatable](a: T, b: T) -> Bool:
    return a < b

def plain[T: Copyable & Writable, U: Movable & Writable](x: T, y: U):
    print(x, y)

def main():
    var s = Square(3)
    show(s)
    print(len(twice(4)), s.area())
    print(label(s), same(s, 1))
    print(less(1, 2))
    plain(1, "two")
