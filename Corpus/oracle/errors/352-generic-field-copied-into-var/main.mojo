struct Box[T: Copyable & Deinitable](Movable):
    var value: Self.T
    def __init__(out self, var value: Self.T):
        self.value = value^
    def get(self) -> Self.T:
        var v = self.value
        return v^

def main():
    var b = Box[Int](3)
    print(b.get())
