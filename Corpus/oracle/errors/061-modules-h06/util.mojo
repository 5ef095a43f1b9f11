def f() -> Int:
    return 1
