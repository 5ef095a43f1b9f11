struct P:
    var x: Int
    var y: Int

    def __init__(out self, x: Int):
        self.x = x
        if x > 0:
            self.y = 1
            return
        return


def main():
    var p = P(1)
    print(p.x)
