import util as u
import geo.shapes as sh
from util import *
from util import double as twice, Pair as P


def find(items: List[Int], target: Int) -> Int:
    for i in range(len(items)):
        if items[i] == target:
            print("found at", i)
            break
    else:
        print("not found")
        return -1
    return target


def main():
    print(u.double(4), u.SCALE, sh.area(2, 3))
    print(triple(5), SCALE, Pair(1, 2).sum())
    print(twice(21), P(3, 4).sum())
    var xs: List[Int] = [1, 2, 3]
    print(find(xs, 2))
    print(find(xs, 9))
    var n = 0
    while n < 3:
        n += 1
    else:
        print("while done", n)
    while True:
        n += 1
        if n > 5:
            break
    else:
        print("unreached")
    for x in xs:
        if x > 5:
            break
    else:
        print("no big element")
    for i in range(0):
        print(i)
    else:
        print("empty range else")
    for i in range(3):
        if i == 1:
            continue
        print("i", i)
    else:
        print("after continue loop")
