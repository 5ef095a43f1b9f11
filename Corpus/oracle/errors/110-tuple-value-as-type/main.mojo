def divmod2(a: Int, b: Int) -> (Int, Int):
    return a // b, a % b


def main():
    print(divmod2(7, 2)[0])
