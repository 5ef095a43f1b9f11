# if / elif / else: a conditional branch per test (an elif tests in the else block of the one before);
# every arm returns here, so the block where the arms would meet is `unreachable`.
def sign(x: Int) -> Int:
    if x > 0:
        return 1
    elif x < 0:
        return -1
    else:
        return 0


def main():
    print(sign(-5))
