struct Stack[T: Copyable & Movable](Movable):
    var items: List[Self.T]
    def __init__(out self):
        self.items = List[T]()
    def push(mut self, v: Self.T):
        self.items.append(v.copy())

def main():
    var s = Stack[Int]()
    s.push(3)
    print(len(s.items))
