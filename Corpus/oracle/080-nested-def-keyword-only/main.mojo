# Nested helper functions and keyword-only parameters.


def format_table(rows: List[Int], *, width: Int = 6, fill: String = " ") -> String:
    def pad(text: String, n: Int, ch: String) -> String:
        var out = text
        while out.byte_length() < n:
            out = ch + out
        return out

    var result = String()
    for r in rows:
        result += pad(String(r), width, fill) + "|"
    return result


def stats(values: List[Float64], *, scale: Float64 = 1.0) -> Tuple[Float64, Float64]:
    def mean(xs: List[Float64]) -> Float64:
        var total = 0.0
        for x in xs:
            total += x
        return total / Float64(len(xs))

    def spread(xs: List[Float64], centre: Float64) -> Float64:
        def sq(v: Float64) -> Float64:
            return v * v

        var acc = 0.0
        for x in xs:
            acc += sq(x - centre)
        return acc / Float64(len(xs))

    var m = mean(values)
    return (m * scale, spread(values, m) * scale)


struct Grid:
    var cells: List[Int]
    var cols: Int

    def __init__(out self, cols: Int, rows: Int):
        self.cols = cols
        self.cells = List[Int](length=cols * rows, fill=0)

    def fill_diagonal(mut self, *, value: Int):
        def index(r: Int, c: Int, cols: Int) -> Int:
            return r * cols + c

        for i in range(self.cols):
            self.cells[index(i, i, self.cols)] = value


def connect(host: String, *, port: Int, retries: Int = 3, secure: Bool = False) -> String:
    return host + ":" + String(port) + " retries=" + String(retries) + " secure=" + String(secure)


def main():
    print(format_table([1, 22, 333]))
    print(format_table([4, 55], width=4, fill="."))
    print(format_table(fill="*", rows=[7], width=3))
    var s = stats([1.0, 2.0, 3.0, 4.0])
    print(s[0], s[1])
    var t = stats([2.0, 4.0], scale=10.0)
    print(t[0], t[1])
    var g = Grid(3, 3)
    g.fill_diagonal(value=9)
    print(g.cells[0], g.cells[1], g.cells[4], g.cells[8])
    print(connect("localhost", port=8080))
    print(connect("example.org", secure=True, port=443, retries=1))

    def square(n: Int) -> Int:
        return n * n

    def sum_of_squares(n: Int) -> Int:
        var total = 0
        for i in range(1, n + 1):
            total += square(i)
        return total

    print(sum_of_squares(10))
