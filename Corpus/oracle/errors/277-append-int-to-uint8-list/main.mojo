def main():
    var xs: List[UInt8] = [1, 2]
    var i: Int = 1
    xs.append(i)
    print(len(xs))
