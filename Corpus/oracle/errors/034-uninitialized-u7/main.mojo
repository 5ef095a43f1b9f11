def g() -> Int:
    var x: Int
    return x

def main():
    print(g())
