from std.math import factorial

def main():
    var x: Float64 = 3.0
    print(factorial(x))
