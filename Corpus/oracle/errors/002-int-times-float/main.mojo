def main():
    var x = 1
    var f: Float64 = 2.0
    print(x * f)
