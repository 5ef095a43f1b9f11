@fieldwise_init
struct P(Copyable, Movable):
    var x: Int

    def bump(mut self):
        self.x += 1

def main():
    var p = P(1)
    p.bump(2)
