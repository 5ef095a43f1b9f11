def take(xs: List[Int]) -> List[Int]:
    return xs

def main():
    var a: List[Int] = [1]
    print(take(a))
