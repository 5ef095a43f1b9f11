struct D(Movable):
    var name: String
    def __init__(out self, name: String):
        self.name = name
    def __deinit__(deinit self):
        print("del", self.name)

def may(flag: Bool) raises:
    if flag:
        raise Error("boom")

def f(flag: Bool) raises:
    var a = D("a")
    var b = D("b")
    var c = D("c")
    var d = D("d")
    try:
        print("try", a.name)
        may(flag)
    except e:
        print("except", d.name)
        raise e^
    finally:
        print("finally", b.name)
        print("finally2")
    print("after", c.name)

def h(flag: Bool) raises:
    var a = D("ha")
    var b = D("hb")
    var c = D("hc")
    try:
        print("try", a.name)
        may(flag)
    finally:
        print("finally", b.name)
    print("after", c.name)

def main():
    try:
        f(False)
    except e:
        print("caught", e)
    print("--")
    try:
        f(True)
    except e:
        print("caught", e)
    for flag in [False, True]:
        print("--")
        try:
            h(flag)
        except e:
            print("caught", e)
