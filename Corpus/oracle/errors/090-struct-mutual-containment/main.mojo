@fieldwise_init
struct A:
    var b: B


@fieldwise_init
struct B:
    var a: A


def main():
    print(1)
