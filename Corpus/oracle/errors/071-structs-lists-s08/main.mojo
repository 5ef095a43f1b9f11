def main():
    var xs: List[Int] = [1, 2]
    xs.push(3)
