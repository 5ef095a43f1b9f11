def main():
    var xs: List[Int] = [1, 2]
    for x in xs:
        x = 5
