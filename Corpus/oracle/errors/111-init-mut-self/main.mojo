struct P:
    var x: Int

    def __init__(mut self, x: Int):
        self.x = x


def main():
    print(P(1).x)
