# `==` and `!=` on lists of Int, Float64, Bool and String.


def squares(n: Int) -> List[Int]:
    var out: List[Int] = []
    for i in range(n):
        out.append(i * i)
    return out^


def main():
    var a: List[Int] = [0, 1, 4]
    print(a == squares(3), a != squares(3), a == squares(4), squares(0) == [])
    var f: List[Float64] = [1.0, 0.0]
    var g: List[Float64] = [1.0, -0.0]
    var nan: List[Float64] = [0.0 / 0.0]
    print(f == g, nan == nan, nan != nan)
    var s: List[String] = ["a", "b"]
    var t: List[String] = ["a"]
    t.append("b")
    print(s == t, s != t)
    t.append("c")
    print(s == t, s != t)
    var bb: List[Bool] = [True, False]
    print(bb == [True, False], bb == [False, True])
    var board: List[Int] = [3, 1, 2]
    var goal: List[Int] = [1, 2, 3]
    var steps = 0
    while board != goal:
        for i in range(len(board) - 1):
            if board[i] > board[i + 1]:
                var tmp = board[i]
                board[i] = board[i + 1]
                board[i + 1] = tmp
                steps += 1
    print(board, steps)
