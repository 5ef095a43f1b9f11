@fieldwise_init
struct P:
    var x: Int
    var x: Int


def main():
    var p = P(1, 2)
    print(p.x)
