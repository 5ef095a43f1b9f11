struct Car:
    var brand: String
    var year: Int

    def __init__(out self, brand: String):
        self.brand = brand
        self.year = 2000

    def __init__(out self, brand: String, year: Int):
        self.brand = brand
        self.year = year


def main():
    var a = Car("Audi", 1999)
    var b = Car(3.5)
    print(a.brand, b.year)
