struct Box[T: AnyType]:
    var value: T
    def __init__(out self, var value: T):
        self.value = value^

def main():
    var b = Box[Int](3)
    print(b.value)
