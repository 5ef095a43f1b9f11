def f(a: Int, b: Int = 2, c: Int):
    pass

def main():
    pass
