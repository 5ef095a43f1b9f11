def f(x: Int) -> Int:
    if x > 0:
        return 1

def main():
    print(f(1))
