def outer() -> Int:
    def inner() -> Int:
        return 1
    return inner()


def main():
    print(outer())
    print(inner())
