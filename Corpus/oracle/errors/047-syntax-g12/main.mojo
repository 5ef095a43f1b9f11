from . import x

def main():
    pass
