trait Describable:
    def name(self) -> String:
        ...

    def describe(self) -> String:
        return "I am " + self.name()

    def shout(self) -> String:
        return self.describe().upper() + "!"


@fieldwise_init
struct Cat(Describable, Copyable):
    var nick: String

    def name(self) -> String:
        return self.nick


@fieldwise_init
struct Robot(Describable, Copyable):
    var serial: Int

    def name(self) -> String:
        return "unit " + String(self.serial)

    def describe(self) -> String:
        return "Beep, " + self.name()


def present[T: Describable](x: T):
    print(x.describe(), "/", x.shout())


def main():
    var c = Cat("tom")
    print(c.describe())
    print(c.shout())
    present(c)
    present(Robot(7))
