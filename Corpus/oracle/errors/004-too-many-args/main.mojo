def f(a: Int, b: Int = 1):
    pass

def main():
    f(1, 2, 3)
