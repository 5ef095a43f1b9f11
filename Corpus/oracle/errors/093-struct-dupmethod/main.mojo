@fieldwise_init
struct P:
    var x: Int

    def get(self) -> Int:
        return self.x

    def get(self) -> Int:
        return self.x + 1


def main():
    var p = P(1)
    print(p.get())
