import b

def f() -> Int:
    return b.g(1)
