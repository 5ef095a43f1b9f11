import pkg.mod

def main():
    print(mod.f())
