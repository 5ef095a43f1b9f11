# `comptime` aliases of tuple, list and dict types (in signatures, fields, bodies, calls of a
# tuple alias), `Tuple(...)` and `Tuple[A, B](...)` constructors.
comptime Pair = Tuple[Int, Int]
comptime Grid = List[List[Int]]
comptime Counts = Dict[String, Int]
comptime Quadruplet = Tuple[Int, Int, Int, Int]
comptime Pairs = List[Pair]


@fieldwise_init
struct Board(Copyable, Movable):
    var cells: Grid
    var origin: Pair


def neighbours(p: Pair) -> Pairs:
    var result: Pairs = []
    result.append(Pair(p[0] + 1, p[1]))
    result.append((p[0], p[1] + 1))
    return result^


def quadruplets(nums: List[Int]) -> List[Quadruplet]:
    var result: List[Quadruplet] = []
    for i in range(len(nums) - 3):
        result.append(Quadruplet(nums[i], nums[i + 1], nums[i + 2], nums[i + 3]))
    return result^


def main():
    var grid: Grid = [[1, 2], [3, 4]]
    var board = Board(grid^, (0, 0))
    print(board.cells, board.origin)
    print(neighbours((2, 3)))
    var counts: Counts = {"a": 1}
    counts["b"] = 2
    print(counts)
    print(quadruplets([1, 2, 3, 4, 5]))
    var t = Tuple(3, "three", 2.5)
    var u = Tuple[Int, String](4, "four")
    print(t, u, t[1], u[0] + 1)
