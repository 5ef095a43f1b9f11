def main():
    var f: Float64 = 1.0
    if 2 < f:
        print("x")
