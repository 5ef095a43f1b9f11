def f() -> Int:
    return 7
