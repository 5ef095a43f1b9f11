def add(a: Int, b: Int) -> Int:
    return a + b


def mul(a: Int, b: Int) -> Int:
    return a * b
