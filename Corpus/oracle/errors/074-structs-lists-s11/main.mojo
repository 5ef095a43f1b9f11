def f(xs: List[Int]):
    xs.append(1)

def main():
    var a: List[Int] = []
    f(a)
