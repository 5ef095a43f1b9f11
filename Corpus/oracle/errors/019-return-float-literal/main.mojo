def f() -> Int:
    return 2.5

def main():
    print(f())
