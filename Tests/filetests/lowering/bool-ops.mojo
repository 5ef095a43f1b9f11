# and / or / not and the conditional expression: short-circuit branches that merge a value.
def pick(a: Bool, b: Bool, x: Int) -> Int:
    if a and not b:
        return x
    return x + 1 if a or b else x - 1


def main():
    print(pick(True, False, 3))
