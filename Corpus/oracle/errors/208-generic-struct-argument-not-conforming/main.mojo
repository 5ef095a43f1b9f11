struct Token:
    var id: Int

    def __init__(out self, id: Int):
        self.id = id


struct Stack[T: Copyable & Deinitable]:
    var items: List[Self.T]

    def __init__(out self):
        self.items = List[Self.T]()


def main():
    var s = Stack[Token]()
    print(len(s.items))
