def f(x: Int) -> Int:
    return x

def main():
    var s: String = "a"
    print(f(s))
