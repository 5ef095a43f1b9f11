trait Named:
    def name(self) -> String:
        ...

struct Box[T: Named & Deinitable, U: Copyable & Deinitable](Movable):
    var u: Self.U
    var t: Self.T

    def __init__(out self, var u: Self.U):
        self.u = u^

def main():
    pass
