# if / elif / else: one conditional branch per test, the arms join in one block.
def sign(x: Int) -> Int:
    if x > 0:
        return 1
    elif x < 0:
        return -1
    else:
        return 0


def main():
    print(sign(-5))
