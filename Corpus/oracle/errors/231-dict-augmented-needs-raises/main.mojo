struct Counter(Movable):
    var counts: Dict[String, Int]

    def __init__(out self):
        self.counts = {}

    def add(mut self, name: String):
        self.counts[name] += 1


def main():
    var c = Counter()
    c.add("x")
