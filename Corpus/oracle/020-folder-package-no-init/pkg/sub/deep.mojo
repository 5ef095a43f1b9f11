def v() -> Int:
    return 5
