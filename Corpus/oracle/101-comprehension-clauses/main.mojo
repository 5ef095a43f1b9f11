# Comprehensions with several `for` clauses (each may have an `if`), over lists, ranges,
# code points and dicts; dict and set comprehensions; nested collection types as expressions.
from std.collections import Set


def main() raises:
    var matrix: List[List[Int]] = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
    var flat = [x for row in matrix for x in row]
    print(flat)
    var evens = [x * 10 for row in matrix if len(row) > 2 for x in row if x % 2 == 0]
    print(evens)
    var pairs = [(i, j) for i in range(3) for j in range(i)]
    for p in pairs:
        print(p[0], p[1], end="; ")
    print()
    var words: List[String] = ["ab", "cd"]
    var chars = [String(c) for w in words for c in w.codepoints()]
    print(chars)
    var sums = {x + y for x in range(3) for y in range(3)}
    print(len(sums), 4 in sums, 5 in sums)
    var products = {String(i) + "x" + String(j): i * j for i in range(1, 3) for j in range(1, 3)}
    print(products)
    var bits = [a * 100 + b * 10 + c for a in range(2) for b in range(2) for c in range(2)]
    print(bits)
    var ages = {"ann": 31, "bob": 25}
    var letters = [k + ":" + String(ages[k]) for k in ages for _ in range(2) if ages[k] > 30]
    print(letters)
    var grid = [[r * 3 + c for c in range(3)] for r in range(2)]
    print(grid)
    var nested = Dict[String, Dict[String, Int]]()
    nested["x"] = {"y": 1}
    nested["x"]["z"] = 2
    print(nested["x"]["z"], len(nested), len(nested["x"]))
    var maybe = Optional[List[Int]]([1, 2])
    print(maybe.value()[1])
    var sets = List[Set[Int]]()
    sets.append({1, 2})
    print(len(sets[0]))
    var rows = List[Dict[String, Int]]()
    rows.append({"a": 1})
    print(rows[0]["a"])
