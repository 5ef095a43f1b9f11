trait Greeter:
    def greet(self, times: Int) -> String:
        ...


def hello[T: Greeter](g: T) -> String:
    return g.greet(2)


def main():
    print(hello(5))
