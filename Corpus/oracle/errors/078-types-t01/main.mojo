def f() -> Int:
    return "a"

def main():
    print(f())
