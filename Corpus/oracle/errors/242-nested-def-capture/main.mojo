def main():
    var total = 10

    def add(x: Int) -> Int:
        return x + total

    print(add(5))
    var count = 0

    def bump():
        count += 1

    bump()
    bump()
    print(count)
