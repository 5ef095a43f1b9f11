def f() raises -> Int:
    raise Error("x")


def g() -> Int:
    return f() + 1


def main():
    print(g())
