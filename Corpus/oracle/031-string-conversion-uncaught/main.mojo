def parse_all(items: List[String]) raises -> Int:
    var total = 0
    for item in items:
        total += Int(item)
    return total


def main() raises:
    var good: List[String] = ["1", "2", "3"]
    print(parse_all(good))
    var bad: List[String] = ["4", "five", "6"]
    print(parse_all(bad))
    print("not reached")
