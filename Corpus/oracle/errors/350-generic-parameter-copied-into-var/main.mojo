def keep[T: Copyable & Movable](x: T) -> T:
    var y = x
    return y^


def main():
    print(keep(3))
