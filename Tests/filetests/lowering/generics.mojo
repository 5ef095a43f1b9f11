# Generic functions and structs: one IR function per instance, named after its arguments.
def twice[T: ImplicitlyCopyable](x: T) -> T:
    return x


@fieldwise_init
struct Box[T: Copyable & Deinitable](Copyable, Movable):
    var value: Self.T

    def get(self) -> Self.T:
        return self.value.copy()


def main():
    print(twice(3), twice(1.5))
    var b = Box(7)
    print(b.get())
