from math import sqrt

def main():
    print(sqrt(4.0))
