# More String methods: isupper, islower, is_ascii_digit, isspace, removeprefix, removesuffix,
# splitlines, and format with {} / {N} / {{ }}.


def show(fmt: String, a: Int, b: String):
    try:
        print(fmt.format(a, b))
    except e:
        print("error:", e)


def main() raises:
    var s: String = "Hello World 42"
    print(s.isupper(), s.islower(), String("ABC 1").isupper(), String("abc 1").islower(), String("123").isupper(), String("").islower())
    print(String("ÀB").isupper(), String("àb").islower(), String("ß").islower())
    print(String("123").is_ascii_digit(), String("12a").is_ascii_digit(), String("").is_ascii_digit())
    print(String("  \t").isspace(), String(" x ").isspace(), String("").isspace())
    print(s.removeprefix("Hello "), s.removesuffix(" 42"), s.removeprefix("x"), "[" + s.removesuffix("") + "]")
    print(String("a\nb\r\nc\n").splitlines(), String("a\n\nb").splitlines(), String("").splitlines(), String("x\ry").splitlines())
    print("{} and {}".format(1, "two"), "{0}-{1}-{0}".format("a", "b"), "x={}".format(2.5))
    print("{{}} {}".format(True), "no fields".format(), "a}}b{{c".format())
    var name: String = "Ann"
    var age = 31
    print("{} is {} years old".format(name, age))
    show("{} {}", 1, "b")
    show("{1}{0}{1}", 1, "b")
    show("{} {} {}", 1, "b")
    show("{0} {}", 1, "b")
    show("{2}", 1, "b")
    show("{", 1, "b")
    show("}", 1, "b")
    show("{x}", 1, "b")
    show("{{}}", 1, "b")
    show("", 1, "b")
    var lines: String = "first line\nsecond line\nthird"
    var n = 0
    for line in lines.splitlines():
        n += 1
        print(n, line.upper())
