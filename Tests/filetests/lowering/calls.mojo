# Calls: arguments in order, a default argument filled in, a keyword argument, recursion.
def add(a: Int, b: Int = 10) -> Int:
    return a + b


def fact(n: Int) -> Int:
    if n <= 1:
        return 1
    return n * fact(n - 1)


def main():
    print(add(1), add(1, b=2), fact(5))
