from util import f

def f() -> Int:
    return 2

def main():
    print(f())
