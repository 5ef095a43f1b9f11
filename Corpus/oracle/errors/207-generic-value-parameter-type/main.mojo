def power[n: Int](x: Int) -> Int:
    return x * n


def main():
    print(power["a"](2))
