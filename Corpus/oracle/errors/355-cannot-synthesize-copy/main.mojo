struct NoCopy(Movable):
    var x: Int
    def __init__(out self):
        self.x = 1

struct Holder(Copyable):
    var a: Int
    var n: NoCopy
    var m: NoCopy
    def __init__(out self):
        self.a = 1
        self.n = NoCopy()
        self.m = NoCopy()

def main():
    var h = Holder()
    print(h.a)
