struct Ledger:
    var entries: List[Int]
    var limit: Int

    def __init__(out self, limit: Int) raises:
        if limit <= 0:
            raise Error("limit must be positive, got " + String(limit))
        self.entries = List[Int]()
        self.limit = limit

    def add(mut self, amount: Int) raises:
        if len(self.entries) >= self.limit:
            raise Error("ledger full")
        self.entries.append(amount)

    def total(self) -> Int:
        var sum = 0
        for x in self.entries:
            sum += x
        return sum


def parse_digit(s: String) raises -> Int:
    var code = ord(s)
    if code < 48 or code > 57:
        raise Error("not a digit: " + s)
    return code - 48


def ratio(a: Int, b: Int) raises -> Float64:
    if b == 0:
        raise Error("division by zero")
    return Float64(a) / Float64(b)


def is_even(n: Int) raises -> Bool:
    if n < 0:
        raise Error("negative")
    return n % 2 == 0


def make_ledger(limit: Int) raises -> Ledger:
    var l = Ledger(limit)
    l.add(limit)
    return l^
