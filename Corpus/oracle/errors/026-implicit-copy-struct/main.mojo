@fieldwise_init
struct P(Copyable, Movable):
    var x: Int

def main():
    var a = P(1)
    var b = a
    print(b.x)
