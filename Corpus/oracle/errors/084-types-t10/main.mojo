def main():
    var xs: List[Int] = [1]
    xs[0] = "a"
