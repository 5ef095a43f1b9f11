def f(c: Bool) -> Int:
    var x: Int
    if c:
        x = 1
    else:
        return 5
    return x

def main():
    var s: String
    s = "ok"
    print(f(True), s)
