# Assigning to a tuple's elements: `t[k] = v`, `t[k] += v`, and `t[k]` passed to a `mut` parameter.


def bump(mut x: Int):
    x += 10

def f() -> Tuple[Int, Int]:
    var t = (-1, -1)
    t[0] = 5
    t[1] += 3
    bump(t[1])
    return t

def main():
    var t = f()
    print(t[0], t[1])
    var p = (1, "a")
    p[1] = "b"
    print(p[0], p[1])
