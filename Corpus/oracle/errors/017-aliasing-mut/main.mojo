def swap(mut a: Int, mut b: Int):
    var t = a
    a = b
    b = t

def main():
    var xs: List[Int] = [1, 2, 3]
    swap(xs[0], xs[2])
