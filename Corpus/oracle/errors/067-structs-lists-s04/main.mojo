@fieldwise_init
struct P(Copyable, Movable):
    var x: Int

def main():
    var p = P(1, 2)
