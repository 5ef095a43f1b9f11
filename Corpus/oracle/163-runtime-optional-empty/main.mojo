def find(xs: List[Int], target: Int) -> Optional[Int]:
    for i in range(len(xs)):
        if xs[i] == target:
            return i
    return None


def main():
    var xs: List[Int] = [5, 6, 7]
    print(find(xs, 6).value())
    var missing = find(xs, 9)
    print(missing.or_else(-1))
    print(missing.value())
