def main():
    var items: List[Int] = [1, 2, 3]
    print(lenn(items))
