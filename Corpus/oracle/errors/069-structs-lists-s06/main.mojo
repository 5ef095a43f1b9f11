@fieldwise_init
struct P(Copyable, Movable):
    var x: Int

def show(p: P):
    p.x = 3

def main():
    show(P(1))
