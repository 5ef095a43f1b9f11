def twice[T: Copyable](x: T) -> T:
    return x.copy()


def main():
    print(twice[String](1))
