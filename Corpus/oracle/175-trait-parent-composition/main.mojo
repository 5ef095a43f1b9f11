# Trait parents joined with `&` (as in a struct's conformance list or a parameter bound) mean
# the same as a comma-separated list.
trait Named:
    def name(self) -> String:
        ...

trait Sized:
    def size(self) -> Int:
        ...

trait Shape(Named & Sized):
    def area(self) -> Int:
        ...

trait Labelled(Named, Sized):
    pass

@fieldwise_init
struct Square(Shape, Labelled):
    var side: Int

    def name(self) -> String:
        return "square"

    def size(self) -> Int:
        return self.side

    def area(self) -> Int:
        return self.side * self.side

def describe[T: Shape](t: T) -> String:
    return t.name() + " " + String(t.size()) + " " + String(t.area())

def label[T: Named & Sized](t: T) -> String:
    return t.name() + "/" + String(t.size())

def main():
    var s = Square(4)
    print(describe(s))
    print(label(s))
