def f(x: Int) raises -> Int:
    if x < 0:
        raise Error("negative: " + String(x))
    return x + 1


def g(x: Int) raises:
    try:
        print("g try", f(x))
    except e:
        print("g except", e)
        raise e
    finally:
        print("g finally")


def h(x: Int) raises -> Int:
    try:
        return f(x)
    finally:
        print("h finally")


def loop_finally() raises:
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            print("body", i)
        finally:
            print("fin", i)


def main() raises:
    try:
        print(f(1))
    except e:
        print("no")
    else:
        print("else ran")
    finally:
        print("finally ran")
    try:
        print(f(-1))
    except e:
        print("caught:", e)
    else:
        print("no else")
    finally:
        print("finally 2")
    try:
        g(-5)
    except e:
        print("outer", e)
    try:
        g(5)
    except:
        print("bare except")
    print(h(3))
    try:
        print(h(-3))
    except err:
        print("h raised", String(err))
    loop_finally()
    var msg = String("")
    try:
        raise Error("direct")
    except e:
        msg = String(e)
    print(msg)
    var e2 = Error("stored")
    print(e2)
    try:
        try:
            raise Error("inner")
        except e:
            raise Error("from except: " + String(e))
    except e:
        print(e)
    try:
        try:
            raise Error("x")
        finally:
            print("inner finally")
    except e:
        print("after finally", e)
    print(Error())
    print("[" + String(Error()) + "]")
    print(f(-9))
    print("unreached")
