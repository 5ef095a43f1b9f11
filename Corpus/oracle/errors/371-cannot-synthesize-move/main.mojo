struct Holder[T: Deinitable]:
    var count: Int
    var x: Self.T

    def __init__(out self):
        self.count = 0

def main():
    pass
