def main():
    var d: Dict[Int, Int] = {1: 2}
    var e = d
    print(len(e))
