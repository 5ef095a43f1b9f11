def f():
    return 1

def main():
    f()
