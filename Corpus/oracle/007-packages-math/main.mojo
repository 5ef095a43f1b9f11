from shapes.circle import Circle, area_sum
from shapes import rect
import util
from std.math import sqrt, floor, ceil, trunc
import std.math


def main():
    var cs: List[Circle] = [Circle(1.0), Circle(2.5)]
    print(area_sum(cs), rect.Rect(2.0, 3.5).area(), util.SCALE, util.twice(21))
    print(sqrt(2.0), floor(-2.5), ceil(-0.4), trunc(-7.9), std.math.sqrt(16.0))
    var r = rect.Rect(1.0, 1.0)
    r.grow(util.SCALE)
    print(r.w, r.h, rect.unit().w)
