def scale(x: Int, *, factor: Int = 3) -> Int:
    return x * factor


def main():
    print(scale(2, 5))
