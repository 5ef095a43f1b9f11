from containers import Stack, Box
from algos import sum_all, zero_of, repeat


def drain[T: Copyable & Deinitable & Writable](mut s: Stack[T]):
    while not s.is_empty():
        print(s.pop(), end=" ")
    print()


def main():
    var s = Stack[Int]()
    for i in range(5):
        s.push(i * i)
    print(len(s), s.peek())
    drain(s)
    var words = Stack[String]()
    words.push("a")
    words.push("b")
    drain(words)
    var b = Box[Int](7)
    print(b, b.get())
    var c = b.replaced(8)
    print(c)
    var bs = Box[String]("hi")
    print(String(bs))
    print(sum_all([1, 2, 3]))
    print(sum_all([String("x"), String("y")]))
    print(zero_of[Int](), zero_of[String]() == "", zero_of[Bool]())
    print(repeat[3]("ab"), repeat[1](7))
