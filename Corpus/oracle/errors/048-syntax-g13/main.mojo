import pkg.nope

def main():
    pass
