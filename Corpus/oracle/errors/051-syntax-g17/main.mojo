def f(x: Int) -> Int:
    if x > 0:
        return 1
    else:
        print(x)

def main():
    print(f(1))
