@fieldwise_init
struct Config(Copyable, Movable):
    var name: String
    var retries: Int = 3


def main():
    var c = Config("a", 1)
    print(c.name, c.retries)
