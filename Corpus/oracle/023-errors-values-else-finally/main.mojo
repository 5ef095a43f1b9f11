def fails(n: Int) raises -> Int:
    if n % 3 == 0:
        raise Error("multiple of three: " + String(n))
    return n


def keep(e: Error) -> Error:
    return e


def else_raises() raises:
    try:
        print("body ok")
    except e:
        print("not here")
    else:
        raise Error("raised in else")


def finally_overrides() raises:
    try:
        raise Error("first")
    finally:
        raise Error("second")


def return_in_except() -> Int:
    try:
        _ = fails(3)
        return 1
    except e:
        return 2
    finally:
        print("cleanup")


def main() raises:
    var saved = Error("none")
    try:
        _ = fails(6)
    except e:
        saved = e
        var copy = e
        print("copy:", copy)
    print("saved:", saved, keep(saved))
    try:
        else_raises()
    except e:
        print("outer got:", e)
    try:
        finally_overrides()
    except e:
        print("override:", e)
    print(return_in_except())
    var total = 0
    for i in range(1, 8):
        try:
            total += fails(i)
        except:
            continue
        finally:
            total += 100
    print(total)
    try:
        raise 3.5
    except e:
        print("float:", e)
    try:
        raise True
    except e:
        print("bool:", e)
    try:
        var s = String("from var")
        raise s
    except e:
        print(e)
    try:
        raise Error("a", 1, 2.5)
    except e:
        print(e)
    raise Error()
