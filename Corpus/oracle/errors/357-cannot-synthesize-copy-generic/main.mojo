@fieldwise_init
struct Holder[T: Movable & Deinitable](Copyable):
    var x: Self.T

def main():
    var h = Holder[Int](3)
    print(h.x)
