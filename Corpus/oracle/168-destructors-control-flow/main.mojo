struct T(Movable):
    var name: String
    def __init__(out self, name: String):
        self.name = name
        print("new", name)
    def __deinit__(deinit self):
        print("del", self.name)

def br(c: Bool):
    var x = T("x")
    var y = T("y")
    if c:
        print("then", x.name)
        print("then2")
    else:
        print("else")
        print("else2", y.name)
    print("after")

def brnoelse(c: Bool):
    var x = T("x")
    if c:
        print("then", x.name)
        print("then2")
    print("after")

def lp(n: Int):
    var x = T("x")
    for i in range(n):
        print("iter", i, x.name)
    print("after loop")

def lp2(n: Int):
    var x = T("x")
    for i in range(n):
        var t = T("t" + String(i))
        if i == 1:
            print("cont")
            continue
        if i == 2:
            print("break")
            break
        print("use", t.name, x.name)
    print("after loop")

def wl(n: Int):
    var x = T("x")
    var i = 0
    while i < n:
        var t = T("w" + String(i))
        i += 1
        if i == 2:
            break
        print(t.name)
    print("after", x.name)

def order():
    var a = T("a")
    var b = T("b")
    a = T("a2")
    print(a.name, b.name)

def order2():
    var b = T("b")
    var a = T("a")
    print(a.name, b.name)

def reasbr(c: Bool):
    var x = T("x0")
    if c:
        x = T("x1")
    print("after", x.name)

def reaswhile(n: Int):
    var x = T("w0")
    var i = 0
    while i < n:
        i += 1
        x = T("w" + String(i))
    print("after", x.name)

def reasuse(n: Int):
    var x = T("u0")
    for i in range(n):
        print("see", x.name)
        x = T("u" + String(i + 1))
    print("after", x.name)

def nested(n: Int) -> Int:
    var a = T("a")
    for i in range(n):
        var b = T("b" + String(i))
        for j in range(n):
            var c = T("c" + String(j))
            if j == 1:
                print("ret", b.name)
                return i
            print(c.name)
    print(a.name)
    return -1

def forlist():
    var xs = [1, 2]
    var x = T("l0")
    for v in xs:
        x = T("l" + String(v))
    print("after", x.name)

def forcond(n: Int):
    var x = T("c0")
    for i in range(n):
        if i == 0:
            x = T("c1")
            continue
        print("see", x.name)
    print("after", x.name)

def forbreak(n: Int):
    var x = T("b0")
    var y = T("y")
    for i in range(n):
        print("i", i)
        if i == 1:
            print("brk")
            break
        print(y.name)
    print("after", x.name)

def elifs(k: Int):
    var a = T("a")
    var b = T("b")
    var c = T("c")
    if k == 0:
        print("zero", a.name)
    elif k == 1:
        print("one", b.name)
    elif k == 2:
        print("two")
    print("end", c.name)

def own(var p: T, q: T):
    var l = T("l")
    print(p.name, q.name, l.name)

def whilecont(n: Int):
    var x = T("wx")
    var i = 0
    while i < n:
        i += 1
        var t = T("wt" + String(i))
        if i == 1:
            continue
        print(t.name, x.name)
    print("done")

def r(n: Int) -> Int:
    var t = T("outer")
    if n > 0:
        var u = T("inner")
        print("branch")
        return 1
    print("end", t.name)
    return 0

def main():
    br(True)
    br(False)
    brnoelse(True)
    brnoelse(False)
    lp(2)
    lp2(4)
    wl(3)
    print("--")
    order()
    order2()
    reasbr(True)
    reasbr(False)
    reaswhile(2)
    reasuse(2)
    print(nested(3))
    print("--")
    forlist()
    forcond(3)
    forbreak(3)
    for k in range(4):
        elifs(k)
    var q = T("q")
    own(T("p"), q)
    whilecont(2)
    print(r(1))
    print(r(0))
