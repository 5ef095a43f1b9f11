def f(x: Int) -> Int:
    return x

def main():
    print(f(2.5))
