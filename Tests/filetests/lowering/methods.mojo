# Methods: self by value, `mut self`, a @staticmethod and __init__.
struct Counter:
    var count: Int

    def __init__(out self, start: Int):
        self.count = start

    def bump(mut self, by: Int):
        self.count += by

    def get(self) -> Int:
        return self.count

    @staticmethod
    def zero() -> Int:
        return 0


def main():
    var c = Counter(Counter.zero())
    c.bump(3)
    print(c.get())
