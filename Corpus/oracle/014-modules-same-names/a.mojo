@fieldwise_init
struct Thing(Copyable, Movable):
    var v: Int


def f() -> Int:
    return 1
