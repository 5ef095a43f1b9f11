struct Box[T: Copyable & Deinitable](Movable):
    var value: Self.T
    def __init__(out self, var value: Self.T):
        self.value = value^
    def get(self) -> Self.T:
        return self.value

def main():
    var b = Box[Int](3)
    print(b.get())
