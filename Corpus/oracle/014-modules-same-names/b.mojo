@fieldwise_init
struct Thing(Copyable, Movable):
    var v: Float64


def f() -> Int:
    return 2
