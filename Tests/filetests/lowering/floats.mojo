# Float64: arithmetic, comparison and conversions from and to Int.
def main():
    var x = 1.5
    var n = 3
    var y = x * Float64(n) + 0.25
    if y > 4.0:
        print(y, Int(y))
