def f(x: Int) raises -> Int:
    return x


def main():
    var y = f(1)
    print(y)
