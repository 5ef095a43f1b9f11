@fieldwise_init
struct Counter(ImplicitlyCopyable):
    var count: Int
    var history: List[Int]

def main():
    var c = Counter(1, [1])
    print(c.count)
