@fieldwise_init
struct Widget(Copyable, Movable):
    var size: Int


def grow(w: Widgt) -> Int:
    return w.size + 1


def main():
    print(grow(Widget(2)))
