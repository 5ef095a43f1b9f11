@fieldwise_init
struct Point(Copyable, Movable):
    var xcoord: Int
    var ycoord: Int
    def norm(self) -> Int:
        return self.xcoord + self.ycoord

def main():
    var p = Point(1, 2)
    print(p.xcord)
