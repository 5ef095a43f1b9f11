def biggest[T: Comparable & Copyable & Deinitable](a: T, b: T) -> T:
    if a < b:
        return b.copy()
    return a.copy()


def main():
    print(biggest(1, String("a")))
