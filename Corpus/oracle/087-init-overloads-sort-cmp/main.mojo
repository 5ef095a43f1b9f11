# Overloaded __init__ chosen by arguments, sort with a comparator, an import inside a function,
# String.__iadd__ as a call.


struct Planet(Copyable, Movable):
    var mass: Int
    var name: String

    def __init__(out self, name: String):
        self.mass = 100
        self.name = name

    def __init__(out self, mass: Int, name: String):
        self.mass = mass
        self.name = name

    def __init__(out self, mass: Float64):
        self.mass = Int(mass * 2)
        self.name = "float"

    def __init__(out self, mass: Int):
        self.mass = mass
        self.name = "int"

    def __init__(out self):
        self = Planet(1, "default")
        self.mass += 1

    def __init__(out self, *, code: Int, suffix: String = "!"):
        self.mass = code
        self.name = "code" + suffix


struct Car:
    var brand: String
    var model: String

    def __init__(out self, brand: String):
        """Car with only brand."""
        self.brand = brand
        self.model = "base"

    def __init__(out self, brand: String, model: String):
        """Car with brand and model."""
        self.brand = brand
        self.model = model

    def describe(self) -> String:
        return self.brand + " " + self.model


def by_length(a: String, b: String) -> Bool:
    return a.byte_length() < b.byte_length()


def main() raises:
    var a = Planet("Earth")
    var b = Planet(300, "Rocky")
    var c = Planet(2.5)
    var d = Planet(7)
    var e = Planet(code=5)
    var f = Planet(code=6, suffix="?")
    print(a.name, a.mass, b.name, b.mass, c.name, c.mass, d.name, d.mass, e.name, e.mass, f.name, f.mass)
    var g = Planet()
    print(g.name, g.mass)
    var planets = [Planet("Mars"), Planet(9, "Pluto")]
    print(planets[1].name, len(planets))
    print(Car("Audi").describe(), Car("BMW", "X5").describe())

    def cmp_desc(a: Int, b: Int) -> Bool:
        return a > b

    def cmp_asc(a: Int, b: Int) -> Bool:
        return a < b

    var xs: List[Int] = [11, 3, 19, 1, 15, 4, 7]
    sort(xs, cmp_desc)
    print(xs)
    sort(xs, cmp_asc)
    print(xs)
    var words: List[String] = ["pear", "fig", "banana", "kiwi", "apple"]
    sort(words, by_length)
    print(words)
    var empty = List[Int]()
    sort(empty, cmp_asc)
    print(empty, len(empty))

    from std.math import sqrt, gcd

    print(sqrt(16.0), gcd(12, 8))
    var buffer = String("ab")
    buffer.__iadd__("cd")
    buffer.__iadd__(String(buffer.byte_length()))
    print(buffer)
