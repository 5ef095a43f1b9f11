# Optional[T]: a box {flag, value}; None, a value, `is None`, .value() and or_else.
def find(xs: List[Int], target: Int) -> Optional[Int]:
    for i in range(len(xs)):
        if xs[i] == target:
            return i
    return None


def main():
    var xs: List[Int] = [4, 5]
    var r = find(xs, 5)
    if r is None:
        print("missing")
    else:
        print(r.value(), find(xs, 9).or_else(-1))
