struct P:
    var x: Int
    var y: Int

    def __init__(out self, x: Int):
        self.x = x


def main():
    var p = P(1)
    print(p.x)
