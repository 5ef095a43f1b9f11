from std.testing import assert_equal, assert_not_equal, assert_true, assert_false, assert_almost_equal


def fib(n: Int) -> Int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def mean(xs: List[Float64]) -> Float64:
    var total = 0.0
    for x in xs:
        total += x
    return total / Float64(len(xs))


def reverse_words(s: String) -> String:
    var words = s.split(" ")
    var out = String()
    for i in range(len(words) - 1, -1, -1):
        out += words[i]
        if i > 0:
            out += " "
    return out


def after(text: String, marker: String) -> String:
    # The message without its "At FILE:LINE:COL: " location, which names the file's absolute path.
    var k = text.find(marker)
    return String(text[byte=k:])


def test_fib() raises:
    assert_equal(fib(0), 0)
    assert_equal(fib(10), 55)
    assert_not_equal(fib(5), fib(6))


def test_mean() raises:
    assert_almost_equal(mean([1.0, 2.0, 3.0]), 2.0)
    assert_almost_equal(mean([0.1, 0.2]), 0.15)
    assert_almost_equal(mean([1.0, 1.5]), 1.3, atol=0.1)


def test_words() raises:
    assert_equal(reverse_words("a b c"), "c b a")
    assert_true(reverse_words("x").byte_length() == 1, "one word")
    assert_false(reverse_words("hello world") == "hello world")


def test_broken() raises:
    assert_equal(fib(7), 12, "fib(7)")


def run(name: String, passed: Bool):
    print(name, "ok" if passed else "FAILED")


def main():
    var failures = 0
    try:
        test_fib()
        run("test_fib", True)
    except e:
        run("test_fib", False)
        failures += 1
    try:
        test_mean()
        run("test_mean", True)
    except e:
        run("test_mean", False)
        failures += 1
    try:
        test_words()
        run("test_words", True)
    except e:
        run("test_words", False)
        failures += 1
    try:
        test_broken()
        run("test_broken", True)
    except e:
        run("test_broken", False)
        print(after(String(e), "AssertionError"))
        failures += 1
    try:
        assert_equal("apple", "apricot")
    except e:
        print(after(String(e), "AssertionError"))
    try:
        assert_not_equal(2.5, 2.5, "same value")
    except e:
        print(after(String(e), "AssertionError"))
    try:
        assert_equal(True, False)
    except e:
        print(after(String(e), "AssertionError"))
    try:
        assert_true(fib(3) > 5)
    except e:
        print(after(String(e), "AssertionError"))
    try:
        assert_false(fib(3) == 2, msg="fib(3) is 2")
    except e:
        print(after(String(e), "AssertionError"))
    try:
        assert_almost_equal(0.1 + 0.2, 0.4)
    except e:
        print(after(String(e), "AssertionError"))
    try:
        assert_almost_equal(10.0, 10.5, "too far", rtol=0.01)
    except e:
        print(after(String(e), "AssertionError"))
    try:
        var pair = (1, "one")
        assert_equal(pair, (1, "uno"))
    except e:
        print(after(String(e), "AssertionError"))
    print("failures:", failures)
