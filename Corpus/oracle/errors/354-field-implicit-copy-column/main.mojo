struct S(Movable):
    var items: List[Int]
    def __init__(out self):
        self.items = List[Int]()
    def get(self) -> List[Int]:
        var v = self.items
        return v^

def main():
    var s = S()
    print(len(s.get()))
