def add[T: Copyable](mut xs: List[T], v: T):
    xs.append(v)

def main():
    var xs = List[Int]()
    add(xs, 3)
    print(len(xs))
