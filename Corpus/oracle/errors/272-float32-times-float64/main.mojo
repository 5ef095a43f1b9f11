def main():
    var a: Float32 = 1
    var b: Float64 = 2
    print(a * b)
