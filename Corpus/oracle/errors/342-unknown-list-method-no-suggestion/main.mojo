def main():
    var l: List[Int] = [1, 2]
    l.apend(3)
    print(len(l))
