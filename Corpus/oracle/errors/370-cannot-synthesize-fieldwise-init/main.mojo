@fieldwise_init
struct Holder[T: Deinitable](Movable):
    var x: Self.T

def main():
    var h = Holder[Int](3)
    print(h.x)
