def drain(mut stack: List[Int]):
    while True:
        print("popped", stack.pop())


def main():
    var stack: List[Int] = [1, 2]
    drain(stack)
