"""Module docstring."""
from util import (
    add,
    mul,
)


struct Empty:
    """A struct with a docstring."""
    pass


def f(
    a: Int,
    b: Int = 2,
) -> Int:
    """Function docstring."""
    return a + \
        b


def main():
    var x = 0
    while x < 3: x += 1
    if x == 3: print("three")
    elif x == 4: print("four")
    else: print("other")
    var total = (1 +
                 2 +
                 3)
    var xs: List[Int] = [
        1,
        2,
    ]
    print(total, f(1,), f(a=5, b=6,), xs, add(2, 3), mul(4, 5))  # trailing
    	
    var a = 1; var b = 2; print(a + b)
    print(True == (x > 2) == True, 1 < x < 4 <= 4)
