def main():
    var xs: List[Int] = [1]
    var ys = xs
    print(ys)
