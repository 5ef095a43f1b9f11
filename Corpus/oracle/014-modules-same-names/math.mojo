def half(x: Int) -> Int:
    return x // 2
