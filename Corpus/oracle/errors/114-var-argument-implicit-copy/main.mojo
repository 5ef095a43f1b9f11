def push(var xs: List[Int]) -> List[Int]:
    xs.append(1)
    return xs^


def main():
    var a: List[Int] = [0]
    var b = push(a)
    print(b)
