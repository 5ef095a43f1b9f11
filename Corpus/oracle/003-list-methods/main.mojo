def main():
    var xs: List[Int] = [5, 3, 8]
    xs.append(1)
    xs.insert(0, 9)
    print(xs, len(xs))
    var last = xs.pop()
    var first = xs.pop(0)
    print(last, first, xs)
    xs.clear()
    print(xs, len(xs))
    var ys = List[Float64](length=3, fill=0.5)
    ys[1] = 2.25
    print(ys)
    var zs = List[String]()
    zs.append("x")
    zs.append("y z")
    print(zs)
    var bs: List[Bool] = [True, False]
    print(bs)
    var nested: List[List[Int]] = [[1], [2, 3], []]
    nested[2].append(4)
    print(nested, len(nested[1]))
    var c = List[Int](capacity=10)
    print(len(c), c)
