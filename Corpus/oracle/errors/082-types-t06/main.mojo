def f(x: Int) -> Bool:
    return x

def main():
    print(f(1))
