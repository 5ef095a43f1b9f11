def f(a: Int):
    pass

def main():
    f(c=1)
