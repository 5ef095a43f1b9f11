def g(a: Int) -> Int:
    return a

def main():
    var x: Int
    print(g(x))
