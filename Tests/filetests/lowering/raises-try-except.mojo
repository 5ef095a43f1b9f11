# raises / try / except / finally: the error slot's address is a hidden last argument; each
# call of a raising function is followed by a load, compare and branch.
def check(x: Int) raises -> Int:
    if x < 0:
        raise Error("negative")
    return x


def main():
    try:
        print(check(-1))
    except e:
        print(e)
    finally:
        print("done")
