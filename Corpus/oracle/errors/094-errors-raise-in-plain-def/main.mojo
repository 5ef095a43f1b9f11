def g():
    raise Error("from plain def")


def main():
    print("start")
    g()
    print("unreached")
