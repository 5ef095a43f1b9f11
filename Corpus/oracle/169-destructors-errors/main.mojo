struct T(Movable):
    var name: String
    def __init__(out self, name: String):
        self.name = name
        print("new", name)
    def __deinit__(deinit self):
        print("del", self.name)

struct Box(Movable):
    var inner: T
    var tag: Int
    def __init__(out self, var inner: T, tag: Int):
        self.inner = inner^
        self.tag = tag

def fails(s: String) raises -> String:
    print("fails", s)
    raise Error("E" + s)

def fails_int(s: String) raises -> Int:
    print("fails", s)
    raise Error("E" + s)

def ok(s: String) raises -> Int:
    print("ok", s)
    return 1

def mk(s: String) -> String:
    print("mk", s)
    return s

def raise_direct() raises:
    var t = T("a")
    raise Error("in a")

def after_call() raises:
    var t = T("b")
    _ = fails("b")
    print(t.name)

def returns_after() raises -> T:
    var t = T("c")
    _ = fails("c")
    return t^

def inner_branch(n: Int) raises:
    var t = T("d")
    if n > 0:
        var u = T("d-inner")
        raise Error("in d")
    print("end d", t.name)

def multi(c: Bool):
    var a = T("a")
    var b = T("b")
    var c2 = T("c")
    if c:
        print("then")
        return
    print("use", a.name, b.name, c2.name)
    print("end")

def ret3() -> Int:
    var a = T("a")
    var b = T("b")
    var c = T("c")
    print(b.name)
    return 3

def err1() raises:
    var a = T("a")
    var b = T("b")
    var c = T("c")
    fails("1")
    print(a.name, b.name, c.name)

def err2() raises:
    var a = T("a")
    var b = T("b")
    print(a.name)
    raise Error(mk("r"))

def err3():
    var a = T("a")
    var b = T("b")
    try:
        fails("3")
        print(a.name)
    except e:
        print("caught", e)
    print("after", b.name)

def err4():
    var a = T("a")
    try:
        fails("4")
        print(a.name)
    except e:
        print("caught", e, a.name)
    print("after")

def reas2():
    var x = T("p")
    x = T("q")
    print(x.name)

def errarg() raises:
    var a = T("a")
    var b = T("b")
    print(a.name, fails("x"), b.name)

def errloop():
    var a = T("a")
    for i in range(3):
        var t = T("t" + String(i))
        try:
            if i == 1:
                _ = fails("L")
            print("ok", t.name)
        except e:
            print("caught", e)
    print("end", a.name)

def fin():
    var a = T("a")
    var b = T("b")
    try:
        _ = fails("F")
    except e:
        print("caught", e)
    finally:
        print("finally", a.name)
    print("end")

def fin_break(n: Int):
    var a = T("a")
    for i in range(n):
        var t = T("t" + String(i))
        try:
            if i == 1:
                break
            print("body", t.name)
        finally:
            print("finally", i)
    print("end", a.name)

def fin_return(c: Bool) -> Int:
    var a = T("a")
    var b = T("b")
    try:
        if c:
            return 1
        print("no", b.name)
    finally:
        print("finally", a.name)
    return 2

def nested_try():
    var a = T("a")
    var b = T("b")
    try:
        try:
            _ = fails_int("in")
        except e:
            print("inner", e, a.name)
            _ = fails_int("again")
    except e:
        print("outer", e)
    print("end", b.name)

def consume(var t: T):
    print("consume", t.name)

def moves(c: Bool):
    var a = T("m")
    if c:
        consume(a^)
    else:
        print("keep")
    print("after")

def boxes() raises:
    var bx = Box(T("in-box"), 3)
    print(bx.tag)
    var y = T("y")
    _ = ok("1")
    print(y.name)

def retmid(n: Int) -> T:
    var a = T("r1")
    var b = T("r2")
    if n > 0:
        return a^
    return b^

def whileexc(n: Int) raises:
    var a = T("wa")
    var i = 0
    while i < n:
        var t = T("wt" + String(i))
        i += 1
        if i == 2:
            _ = fails_int(t.name)
        print(t.name)
    print(a.name)

def main() raises:
    try:
        raise_direct()
    except e:
        print(e)
    try:
        after_call()
    except e:
        print(e)
    try:
        var x = returns_after()
        print(x.name)
    except e:
        print(e)
    try:
        inner_branch(1)
    except e:
        print(e)
    print("--")
    multi(True)
    multi(False)
    print(ret3())
    try:
        err1()
    except e:
        print(e)
    try:
        err2()
    except e:
        print(e)
    err3()
    err4()
    reas2()
    print("--")
    try:
        errarg()
    except e:
        print(e)
    errloop()
    fin()
    print("--")
    fin_break(3)
    print(fin_return(True))
    print(fin_return(False))
    nested_try()
    moves(True)
    moves(False)
    boxes()
    var r = retmid(1)
    print(r.name)
    try:
        whileexc(3)
    except e:
        print("caught", e)
