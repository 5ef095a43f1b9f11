# Slices of List (`xs[a:b:c]`) and String (`s[byte=a:b]`).


def main():
    var xs: List[Int] = [1, 2, 3, 4, 5]
    var a = xs[1:3]
    print(a)
    print(len(xs[1:3]), xs[1:3][0])
    print(xs[::-1])
    print(xs[1::2])
    print(xs[4:0:-2])
    print(xs[5:])
    print(xs[:5])
    print(xs[0:0])
    print(xs[::2])
    print(xs[::0])
    print(xs[-10:2:1])
    print(xs[10::-1])
    print(xs[:-2:-1])
    print(xs[-2::1])
    var t = 0
    for x in xs[3:]:
        t += x
    print(t)
    var names: List[String] = ["a", "b", "c"]
    var n2 = names[1:]
    print(n2)
    var nested: List[List[Int]] = [[1], [2, 3], []]
    print(nested[1:])
    var s: String = "hello world"
    print(s[byte=0:5], s[byte=6:], s[byte=:3], s[byte=11:], "[" + s[byte=:] + "]")
    var i = s.find(" ")
    var first = s[byte=:i]
    var rest = s[byte=i + 1:]
    print(first, rest, String(first).upper())
