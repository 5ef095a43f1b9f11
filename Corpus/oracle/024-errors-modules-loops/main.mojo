from bank import Ledger, parse_digit, ratio, is_even, make_ledger


def depth(n: Int) raises -> Int:
    if n == 0:
        raise Error("bottom reached")
    return depth(n - 1) + 1


def nested_finally() raises -> Int:
    var log = String("")
    try:
        try:
            log += "a"
            return 1
        finally:
            log += "b"
            print("inner finally", log)
    finally:
        print("outer finally", log)


def search(items: List[Int], target: Int) -> Int:
    for i in range(len(items)):
        try:
            if items[i] == target:
                raise Error("found")
        except:
            return i
        finally:
            print("checked", i)
    return -1


def digits(text: List[String]) -> Int:
    var value = 0
    for s in text:
        try:
            value = value * 10 + parse_digit(s)
        except e:
            print("skip:", e)
            continue
    return value


def main() raises:
    try:
        print(depth(3))
    except e:
        print("depth:", e)
    print(nested_finally())
    print(search([4, 5, 6], 5))
    print(search([4], 7))
    print(digits(["1", "x", "2", "?", "3"]))
    try:
        print(ratio(1, 4))
        print(ratio(1, 0))
    except e:
        print("ratio:", e)
    try:
        print(is_even(4), is_even(-1))
    except e:
        print("is_even:", e)
    try:
        var l = make_ledger(2)
        l.add(7)
        print("total", l.total())
        l.add(9)
    except e:
        print("ledger:", e)
    try:
        var bad = make_ledger(0)
        print(bad.total())
    except e:
        print("make:", e)
    var attempts = 0
    while True:
        attempts += 1
        try:
            if attempts < 3:
                raise Error("retry " + String(attempts))
            print("succeeded after", attempts)
            break
        except e:
            print(e)
    var errors = List[String]()
    for i in range(4):
        try:
            if i % 2 == 1:
                raise Error(i)
            errors.append("ok")
        except e:
            errors.append(String(e))
    print(errors)
    print("done")
