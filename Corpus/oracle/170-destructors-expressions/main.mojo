struct T(Movable):
    var name: String
    var n: Int
    def __init__(out self, name: String):
        self.name = name
        self.n = name.byte_length()
        print("new", name)
    def __deinit__(deinit self):
        print("del", self.name)

def show(s: String) -> String:
    print("show", s)
    return s

def t1(c: Bool):
    var a = T("a1")
    var b = T("b1")
    print(a.n if c else b.n)
    print("done")

def t2(c: Bool):
    var a = T("a2")
    print(show(a.name) if c else "none")
    print("done")

def t3(c: Bool):
    var a = T("a3")
    var ok = c and a.n > 1
    print("ok", ok)

def t4(c: Bool):
    var a = T("a4")
    print(c and a.n > 1, "x")
    print("done")

def t5():
    var a = T("a5")
    var xs = [a.n + k for k in range(2)]
    print(len(xs))

def t6(c: Bool):
    var a = T("a6")
    var s = a.name if c else "z"
    print("s", s)

def main():
    t1(True)
    t2(True)
    t3(True)
    t4(True)
    t5()
    t6(True)
