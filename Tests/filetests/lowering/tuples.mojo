# Tuples: a pointer to the elements (allocated in the runtime); a tuple return, element reads, a swap.
def divmod2(a: Int, b: Int) -> Tuple[Int, Int]:
    return (a // b, a % b)


def main():
    var t = divmod2(17, 5)
    var q = t[0]
    var r = t[1]
    q, r = r, q
    print(q, r)
