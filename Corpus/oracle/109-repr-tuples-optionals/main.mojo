# repr of tuples and optionals (element types named as Mojo 1.2 names them), nested in lists.
def main():
    var t = (1, "a", 2.5)
    print(repr(t))
    var o: Optional[Int] = 3
    var n: Optional[String] = None
    print(repr(o), repr(n))
    var s: Optional[String] = String("x'y")
    print(repr(s))
    var pairs: List[Tuple[Int, Bool]] = [(1, True), (2, False)]
    print(repr(pairs))
    var nested = (UInt8(7), (Int8(-1), "q"))
    print(repr(nested))
    var items: List[Int] = [1, 2]
    var maybe_list: Optional[List[Int]] = items^
    print(repr(maybe_list))
