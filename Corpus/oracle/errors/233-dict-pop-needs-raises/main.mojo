def main():
    var d: Dict[Int, Int] = {1: 2}
    print(d.pop(1))
