# A comptime alias of a struct, importing sort from std.builtin.sort, integer limits,
# reversed(xs) as a value.
from std.builtin.sort import sort


struct DSU:
    var parent: List[Int]

    def __init__(out self, n: Int):
        self.parent = List(length=n, fill=-1)

    def leader(mut self, a: Int) -> Int:
        if self.parent[a] < 0:
            return a
        self.parent[a] = self.leader(self.parent[a])
        return self.parent[a]

    def merge(mut self, a: Int, b: Int) -> Int:
        var x = self.leader(a)
        var y = self.leader(b)
        if x == y:
            return x
        if -self.parent[x] < -self.parent[y]:
            x, y = y, x
        self.parent[x] += self.parent[y]
        self.parent[y] = x
        return x

    def same(mut self, a: Int, b: Int) -> Bool:
        return self.leader(a) == self.leader(b)


comptime UnionFind = DSU


def main():
    var uf = UnionFind(6)
    _ = uf.merge(0, 1)
    _ = uf.merge(3, 4)
    _ = uf.merge(1, 4)
    print(uf.same(0, 3), uf.same(2, 5), uf.leader(4), uf.parent)
    var nums: List[Int] = [5, 2, 9, 1]
    sort(nums)
    print(nums)
    var backwards = reversed(nums)
    for x in backwards:
        print(x, end=" ")
    print()
    print(Int.MAX, Int.MIN, UInt8.MAX, Int8.MIN, UInt64.MAX, Int32.MAX, UInt.MIN)
    var smallest = Int.MAX
    for x in nums:
        smallest = min(smallest, x)
    print(smallest)
