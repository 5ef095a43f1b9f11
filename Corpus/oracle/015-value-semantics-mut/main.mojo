@fieldwise_init
struct P(Copyable, Movable, ImplicitlyCopyable):
    var x: Int
    var y: Int


@fieldwise_init
struct Seg(Copyable, Movable, ImplicitlyCopyable):
    var a: P
    var b: P


def reset(mut p: P):
    p = P(9, 9)


def replace(mut xs: List[Int]):
    xs = [7, 8]


def grow(mut s: Seg):
    s.b.x += 100
    s.a = P(-1, -1)


def main():
    var s = Seg(P(1, 2), P(3, 4))
    var t = s
    t.a.x = 50
    s.b.y = 40
    print(s.a.x, s.b.y, t.a.x, t.b.y)
    reset(s.a)
    print(s.a.x, s.a.y, t.a.x)
    grow(t)
    print(t.a.x, t.b.x, s.b.x)
    var xs: List[Int] = [1]
    replace(xs)
    xs.append(9)
    print(xs)
    var grid: List[List[P]] = [[P(0, 0), P(1, 1)], [P(2, 2)]]
    grid[0][1].x = 77
    grid[1].append(P(5, 5))
    var g2 = grid.copy()
    g2[1][0].y = -3
    print(grid[0][1].x, len(grid[1]), grid[1][0].y, g2[1][0].y)
    var ps: List[P] = [P(1, 1)]
    var p0 = ps[0]
    p0.x = 42
    ps.append(p0)
    ps[0].y = 8
    print(ps[0].x, ps[0].y, ps[1].x, ps[1].y, p0.y)
    var segs: List[Seg] = []
    segs.append(s)
    s.a.x = 1000
    print(segs[0].a.x, s.a.x)
