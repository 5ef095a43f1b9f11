trait Named:
    def name(self) -> String:
        ...


trait Animal(Named):
    def sound(self) -> String:
        ...

    def legs(self) -> Int:
        ...


@fieldwise_init
struct Dog(Animal, Copyable):
    var nick: String

    def name(self) -> String:
        return self.nick

    def sound(self) -> String:
        return "woof"

    def legs(self) -> Int:
        return 4


@fieldwise_init
struct Bird(Animal, Copyable):
    var nick: String

    def name(self) -> String:
        return self.nick

    def sound(self) -> String:
        return "tweet"

    def legs(self) -> Int:
        return 2


@fieldwise_init
struct Money(Comparable, Copyable, Writable):
    var cents: Int

    def __lt__(self, other: Self) -> Bool:
        return self.cents < other.cents

    def __le__(self, other: Self) -> Bool:
        return self.cents <= other.cents

    def __gt__(self, other: Self) -> Bool:
        return self.cents > other.cents

    def __ge__(self, other: Self) -> Bool:
        return self.cents >= other.cents

    def __eq__(self, other: Self) -> Bool:
        return self.cents == other.cents

    def __ne__(self, other: Self) -> Bool:
        return self.cents != other.cents

    def write_to(self, mut writer: Some[Writer]):
        writer.write("$", self.cents // 100, ".", self.cents % 100)


def introduce[T: Animal](a: T):
    print(a.name(), "says", a.sound(), "on", a.legs(), "legs")


def loudest(a: Some[Animal]) -> String:
    return a.sound().upper()


def largest[T: Comparable & Copyable & Deinitable](xs: List[T]) -> T:
    var best = xs[0].copy()
    for i in range(1, len(xs)):
        if best < xs[i]:
            best = xs[i].copy()
    return best^


def count_equal[T: Equatable](xs: List[T], x: T) -> Int:
    var n = 0
    for i in range(len(xs)):
        if xs[i] == x:
            n += 1
    return n


def show_pair[A: Writable, B: Writable](a: A, b: B):
    print("(", a, ", ", b, ")", sep="")


def power[n: Int](x: Int) -> Int:
    var r = 1
    for _ in range(n):
        r *= x
    return r


def describe[flag: Bool](x: Int) -> String:
    if flag:
        return "yes " + String(x)
    return "no " + String(x)


def main():
    introduce(Dog("rex"))
    introduce(Bird("tweety"))
    print(loudest(Dog("max")))
    var ms = List[Money]()
    ms.append(Money(250))
    ms.append(Money(1999))
    ms.append(Money(5))
    print(largest(ms))
    print(largest([3, 9, 2]))
    print(largest([String("pear"), String("apple")]))
    print(count_equal([1, 2, 1, 1], 1))
    print(count_equal(ms, Money(5)))
    print(Money(1) < Money(2), Money(3) >= Money(4), Money(7) == Money(7), Money(7) != Money(7))
    show_pair(1, "x")
    show_pair(Money(123), 2.5)
    print(power[3](2), power[0](5))
    print(describe[True](1), describe[False](2))
