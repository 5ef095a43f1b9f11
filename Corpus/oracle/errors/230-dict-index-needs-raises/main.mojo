def main():
    var d: Dict[String, Int] = {"a": 1}
    print(d["a"])
