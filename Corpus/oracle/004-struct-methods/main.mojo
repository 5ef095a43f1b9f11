@fieldwise_init
struct Vec(Copyable, Movable, ImplicitlyCopyable):
    var x: Float64
    var y: Float64

    def dot(self, o: Vec) -> Float64:
        return self.x * o.x + self.y * o.y

    def scaled(self, k: Float64) -> Vec:
        return Vec(self.x * k, self.y * k)


struct Counter(Movable):
    var n: Int
    var log: List[String]

    def __init__(out self, start: Int):
        self.n = start
        self.log = []

    def tick(mut self):
        self.n += 1
        self.log.append("t" + String(self.n))


def bump(mut c: Counter):
    c.tick()
    c.tick()


def main():
    var a = Vec(1.0, 2.0)
    var b = a
    b.x = 10.0
    print(a.x, b.x, a.dot(b), a.scaled(3.0).y)
    var c = Counter(5)
    c.tick()
    bump(c)
    print(c.n, c.log)
    var vs: List[Vec] = [Vec(1.0, 1.0), Vec(2.0, 2.0)]
    vs[0].x = 7.0
    var v0 = vs[0]
    v0.y = 9.0
    print(vs[0].x, vs[0].y, v0.y, len(vs))
