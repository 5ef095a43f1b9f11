struct Stack[T: Copyable & Deinitable](Movable, Sized):
    var items: List[Self.T]

    def __init__(out self):
        self.items = List[Self.T]()

    def push(mut self, var value: Self.T):
        self.items.append(value^)

    def pop(mut self) -> Self.T:
        return self.items.pop()

    def peek(self) -> Self.T:
        return self.items[len(self.items) - 1].copy()

    def __len__(self) -> Int:
        return len(self.items)

    def is_empty(self) -> Bool:
        return len(self.items) == 0


struct Box[T: Copyable & Deinitable & Writable](Copyable, Writable):
    var value: Self.T

    def __init__(out self, var value: Self.T):
        self.value = value^

    def get(self) -> Self.T:
        return self.value.copy()

    def replaced(self, var value: Self.T) -> Self:
        return Self(value^)

    def write_to(self, mut writer: Some[Writer]):
        writer.write("Box(", self.value, ")")
