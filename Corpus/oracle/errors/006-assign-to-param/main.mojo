def f(x: Int):
    x = 2

def main():
    f(1)
