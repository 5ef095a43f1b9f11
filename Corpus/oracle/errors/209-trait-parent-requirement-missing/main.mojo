trait Named:
    def name(self) -> String:
        ...


trait Animal(Named):
    def sound(self) -> String:
        ...


@fieldwise_init
struct Dog(Animal):
    var age: Int

    def sound(self) -> String:
        return "woof"


def main():
    print(Dog(3).sound())
