# Matrix and string utilities mixing many features.
comptime SIZE = 4


@fieldwise_init
struct Matrix(Copyable, Movable):
    var rows: Int
    var cols: Int
    var data: List[Float64]

    @staticmethod
    def identity(n: Int) -> Matrix:
        var d = List[Float64](length=n * n, fill=0.0)
        for i in range(n):
            d[i * n + i] = 1.0
        return Matrix(n, n, d^)

    def get(self, r: Int, c: Int) -> Float64:
        return self.data[r * self.cols + c]

    def set(mut self, r: Int, c: Int, v: Float64):
        self.data[r * self.cols + c] = v

    def mul(self, other: Matrix) -> Matrix:
        var out = Matrix(self.rows, other.cols, List[Float64](length=self.rows * other.cols, fill=0.0))
        for i in range(self.rows):
            for j in range(other.cols):
                var s: Float64 = 0.0
                for k in range(self.cols):
                    s += self.get(i, k) * other.get(k, j)
                out.set(i, j, s)
        return out^

    def trace(self) -> Float64:
        var t: Float64 = 0.0
        for i in range(min(self.rows, self.cols)):
            t += self.get(i, i)
        return t


def pad(s: String, width: Int) -> String:
    var out = s
    while out.byte_length() < width:
        out = " " + out
    return out


def reverse(s: String) -> String:
    var out = ""
    var i = s.byte_length() - 1
    while i >= 0:
        out += s[byte=i]
        i -= 1
    return out


def main():
    var m = Matrix.identity(SIZE)
    m.set(0, 1, 2.5)
    m.set(3, 2, -1.25)
    var p = m.mul(m)
    print(p.trace(), p.get(0, 1), p.get(3, 2), len(p.data))
    for r in range(SIZE):
        var line = ""
        for c in range(SIZE):
            line += pad(String(p.get(r, c)), 6)
        print(line)
    print(reverse("hello, mojo"), reverse(""), pad("x", 3) + "|")
    var counts = List[Int](length=26, fill=0)
    var text = "the quick brown fox jumps over the lazy dog"
    for i in range(text.byte_length()):
        var ch = ord(text[byte=i])
        if ch >= ord("a") and ch <= ord("z"):
            counts[ch - ord("a")] += 1
    var most = 0
    for i in range(26):
        if counts[i] > counts[most]:
            most = i
    print("most common:", chr(most + ord("a")), counts[most])
