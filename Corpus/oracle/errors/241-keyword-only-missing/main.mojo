def area(*, width: Int, height: Int = 2) -> Int:
    return width * height


def main():
    print(area())
