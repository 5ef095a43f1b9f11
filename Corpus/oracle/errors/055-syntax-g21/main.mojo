def f(a: Int, b: Int):
    pass

def main():
    f(b=1, 2)
