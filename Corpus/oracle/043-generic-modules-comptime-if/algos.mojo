def sum_all[T: Copyable & Deinitable & Defaultable & Writable](xs: List[T]) -> String:
    var out = String()
    for i in range(len(xs)):
        if i > 0:
            out += "+"
        out += String(xs[i])
    return out


def zero_of[T: Defaultable & Deinitable & Writable]() -> T:
    return T()


def repeat[n: Int, T: Writable & Copyable & Deinitable](x: T) -> String:
    var out = String()
    comptime if n > 2:
        out += "many:"
    else:
        out += "few:"
    for _ in range(n):
        out += String(x)
    return out
