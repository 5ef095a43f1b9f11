# Deep equality: `==`/`!=` of nested lists, dicts, optionals, tuples and Equatable structs
# without `__eq__`; `in` on lists of lists; `[] in xs`; assert_equal of these values.
from std.testing import assert_equal, assert_true, assert_false, assert_not_equal


@fieldwise_init
struct FileError(Equatable, ImplicitlyCopyable, Writable):
    var _variant: Int

    comptime not_found = FileError(_variant=1)
    comptime denied = FileError(_variant=2)
    comptime limit: Int = 3

    def write_to(self, mut writer: Some[Writer]):
        writer.write("FileError(", self._variant, ")")


@fieldwise_init
struct Point(Equatable, Copyable, Writable):
    var x: Int
    var y: Int

    def write_to(self, mut writer: Some[Writer]):
        writer.write("(", self.x, ", ", self.y, ")")


def open_file(path: String) raises FileError -> String:
    if not path:
        raise FileError.not_found
    if path == "/secret":
        raise FileError.denied
    return "contents of " + path


def first_word(s: String) -> Optional[String]:
    var words = s.split()
    if len(words) == 0:
        return None
    return String(words[0])


def main() raises:
    var a: List[List[Int]] = [[1, 2], [3], []]
    var b: List[List[Int]] = [[1, 2], [3], []]
    print(a == b, a != b)
    b[1].append(4)
    print(a == b, a != b)
    print([1, 2] in a, [2, 1] in a, [] in a, [3, 4] not in b)
    var names: List[List[String]] = [["a", "b"], ["c"]]
    print(["c"] in names, ["b"] in names)

    var d1 = {"x": 1, "y": 2}
    var d2 = {"y": 2, "x": 1}
    print(d1 == d2, d1 != d2)
    d2["x"] = 5
    print(d1 == d2)
    var counts1 = Dict[UInt8, Int]()
    var counts2 = Dict[UInt8, Int]()
    for c in "hello".as_bytes():
        counts1[c] = counts1.get(c, 0) + 1
    for c in "olleh".as_bytes():
        counts2[c] = counts2.get(c, 0) + 1
    print(counts1 == counts2)
    var nested1 = {1: [1, 2]}
    var nested2 = {1: [1, 2]}
    print(nested1 == nested2)

    var o1: Optional[Int] = 3
    var o2: Optional[Int] = 3
    var o3: Optional[Int] = None
    print(o1 == o2, o1 == o3, o3 == Optional[Int](None), o1 != o3)

    print(Point(1, 2) == Point(1, 2), Point(1, 2) != Point(2, 1))
    var pts = [Point(0, 0), Point(1, 1)]
    print(Point(1, 1) in pts, Point(2, 2) in pts)
    print((1, [2, 3]) == (1, [2, 3]))

    for path in ["/data", "", "/secret"]:
        try:
            print(open_file(path))
        except e:
            if e == FileError.not_found:
                print("not found:", e)
            elif e == FileError.denied:
                print("denied:", e)
    print(FileError.limit, FileError.not_found == FileError(1))

    var s = String("")
    if not s:
        print("empty string is false")
    print(Bool(s), Bool(String("x")))

    assert_equal(a[0], [1, 2])
    assert_equal(a[2], [])
    assert_true([] in a)
    assert_equal(a, [[1, 2], [3], []])
    assert_equal(first_word("hello world"), "hello")
    assert_equal(first_word("  "), None)
    assert_equal(d1, {"x": 1, "y": 2})
    assert_not_equal(d1, d2)
    assert_equal(Point(3, 4), Point(3, 4))
    try:
        assert_equal(a, b)
    except e:
        print(e)
    try:
        assert_equal(first_word("a b"), "b")
    except e:
        print(e)
    try:
        assert_equal(d1, d2, "dicts differ")
    except e:
        print(e)
