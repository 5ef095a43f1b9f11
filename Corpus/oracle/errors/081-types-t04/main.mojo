def main():
    var x: List[Int] = List[Float64]()
