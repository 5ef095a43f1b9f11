def main():
    var a: List[Int] = [1]
    var b: List[List[Int]] = []
    b.append(a)
