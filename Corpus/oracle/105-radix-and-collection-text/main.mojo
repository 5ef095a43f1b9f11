# hex/bin/oct of integers (prefix keyword, sized types, extremes), String(...) of dicts, sets,
# tuples, optionals and lists of tuples, Optional.__bool__().
from std.collections import Set


def describe(d: Dict[String, Int]) -> String:
    return "d=" + String(d) + ";"


def main():
    print(hex(255), bin(5), oct(8), hex(-255), bin(-5), oct(-8), hex(0), bin(0), oct(0))
    print(hex(UInt8(200)), bin(Int8(-3)), hex(Int.MAX), hex(Int.MIN), hex(UInt64(18446744073709551615)))
    print(hex(255, prefix="#"), bin(10, prefix=""), oct(64, prefix="0"))
    var n = 48879
    var h = hex(n)
    print(h, h.byte_length(), h.upper())
    var d: Dict[String, Int] = {"a": 1, "b": 2}
    print(describe(d))
    var st: Set[Int] = {3, 4}
    var t = (1, "x", 2.5)
    var o: Optional[Int] = 3
    var none: Optional[String] = None
    var pairs: List[Tuple[Int, Int]] = [(1, 2), (3, 4)]
    print(String(st), String(t), String(o), String(none), String(pairs))
    var nested: Dict[Int, List[Int]] = {1: [2, 3]}
    print(String(nested) + "!")
    print(o.__bool__(), none.__bool__())
