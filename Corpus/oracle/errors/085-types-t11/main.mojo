def main():
    var xs: List[Int] = [1]
    print(xs["a"])
