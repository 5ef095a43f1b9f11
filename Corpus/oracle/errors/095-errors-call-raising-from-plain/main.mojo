def f() raises:
    raise Error("x")


def main():
    f()
