def main():
    var d: Dict[String, Int] = {}
    d[1] = 2
