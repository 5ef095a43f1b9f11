# Lists: a literal, append, indexing (checked by the runtime), len and iteration.
def main():
    var xs: List[Int] = [1, 2, 3]
    xs.append(4)
    xs[0] = 10
    var total = 0
    for x in xs:
        total += x
    print(total, len(xs), xs[1])
