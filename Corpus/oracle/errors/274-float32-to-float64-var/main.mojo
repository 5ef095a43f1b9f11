def main():
    var a: Float32 = 1.5
    var c: Float64 = a
    print(c)
