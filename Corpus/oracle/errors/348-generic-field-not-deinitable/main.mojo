@fieldwise_init
struct Holder[T: ImplicitlyCopyable](Copyable, Movable):
    var value: Self.T


def main():
    var h = Holder(3)
    print(h.value)
