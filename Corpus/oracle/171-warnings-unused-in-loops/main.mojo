@fieldwise_init
struct P(Copyable, Movable):
    var x: Int
    var y: Int
    def show(self):
        print(self.x)
    def bump(mut self):
        self.x += 1

struct T(Movable):
    var name: String
    def __init__(out self, name: String):
        self.name = name
    def __deinit__(deinit self):
        print("del", self.name)

def g1():
    var p: P

def g2(n: Int):
    var p = P(1, 2)
    for i in range(n):
        p = P(i, i)
    print("x")

def g3():
    var p = P(1, 2)
    p.bump()

def g4():
    var p = P(1, 2)
    p.show()
    p = P(5, 6)

def g5(c: Bool):
    var t = T("a")
    if c:
        t = T("b")
    print(t.name)

def g6():
    var t: T
    t = T("z")
    print(t.name)

def g7():
    var ps = [P(1, 2), P(3, 4)]
    var q = ps[0].copy()

def g8():
    var a = P(1, 2)
    var b = a.copy()
    b.x = 3

def w6a(n: Int):
    var x = 1
    for i in range(n):
        x = i
        for j in range(n):
            x = j
        x = 7
    x = 8
    var y = 2
    while n > 100:
        y = 3
    y = 4

def w6b(n: Int):
    var x = 1
    if n > 2:
        x = 5
    for i in range(n):
        if i > 1:
            x = 6
    x = 9

def p1(n: Int):
    var x = 0
    for i in range(n):
        x = 1
        x = 2
        x = 3
    x = 4

def p2(n: Int):
    var x = 0
    for i in range(n):
        x = 1
    x = 2
    for i in range(n):
        x = 3
    x = 4
    for i in range(n):
        x = 5

def p3(n: Int):
    var x = 0
    for i in range(n):
        x = 1
        for j in range(n):
            x = 2
            for k in range(n):
                x = 3
            x = 4
        x = 5

def p4(n: Int):
    var x = 0
    var y = 0
    for i in range(n):
        y = 1
        x = 1
        y = 2
        x = 2

def main():
    g1()
    g2(2)
    g3()
    g4()
    g5(True)
    g6()
    g7()
    g8()
    w6a(1)
    w6b(1)
    p1(1)
    p2(1)
    p3(1)
    p4(1)
