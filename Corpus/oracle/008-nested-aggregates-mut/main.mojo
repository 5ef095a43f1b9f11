@fieldwise_init
struct Item(Copyable, Movable):
    var name: String
    var qty: Int
    var tags: List[String]

    def restock(mut self, n: Int):
        self.qty += n
        self.tags.append("r" + String(n))


@fieldwise_init
struct Shop(Copyable, Movable):
    var items: List[Item]
    var owner: Item


def total(s: Shop) -> Int:
    var t = 0
    for it in s.items:
        t += it.qty
    return t


def swap(mut a: Int, mut b: Int):
    var t = a
    a = b
    b = t


def inc_all(mut xs: List[Int]):
    for i in range(len(xs)):
        xs[i] += 1


def main():
    var s = Shop([Item("a", 1, []), Item("b", 2, ["x"])], Item("o", 0, []))
    s.items[1].restock(5)
    s.owner.restock(1)
    print(total(s), s.items[1].tags, s.owner.qty, s.owner.tags)
    var copy = s.copy()
    copy.items[0].qty = 100
    print(s.items[0].qty, copy.items[0].qty, len(copy.items))
    var x = 1
    var y = 2
    swap(x, y)
    print(x, y)
    var xs: List[Int] = [1, 2, 3]
    inc_all(xs)
    var first = xs[0]
    swap(first, xs[2])
    print(xs)
    var moved = xs^
    print(moved)
    var grid = List[List[Int]]()
    for i in range(3):
        var row = List[Int]()
        for j in range(i + 1):
            row.append(i * j)
        grid.append(row^)
    print(grid)
