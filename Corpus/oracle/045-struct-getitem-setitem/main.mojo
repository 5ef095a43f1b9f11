struct Matrix(Writable):
    var rows: Int
    var cols: Int
    var data: List[Float64]

    def __init__(out self, rows: Int, cols: Int):
        self.rows = rows
        self.cols = cols
        self.data = List[Float64](length=rows * cols, fill=0.0)

    def __getitem__(self, i: Int, j: Int) -> Float64:
        return self.data[i * self.cols + j]

    def __setitem__(mut self, i: Int, j: Int, value: Float64):
        self.data[i * self.cols + j] = value

    def write_to(self, mut writer: Some[Writer]):
        for i in range(self.rows):
            for j in range(self.cols):
                writer.write(self[i, j], " ")
            writer.write("\n")


struct Grid[T: Copyable & Deinitable & Writable](Sized):
    var cells: List[Self.T]

    def __init__(out self, n: Int, fill: Self.T):
        self.cells = List[Self.T](length=n, fill=fill)

    def __getitem__(self, i: Int) -> Self.T:
        return self.cells[i].copy()

    def __setitem__(mut self, i: Int, var value: Self.T):
        self.cells[i] = value^

    def __len__(self) -> Int:
        return len(self.cells)


def main():
    var m = Matrix(2, 3)
    m[0, 1] = 2.5
    m[1, 2] = -1.0
    print(m[0, 1] + m[1, 2])
    print(m, end="")
    var g = Grid[String](3, "-")
    g[1] = "x"
    for i in range(len(g)):
        print(g[i], end="")
    print()
