def f(n: Int) -> Int:
    var total = 0
    for i in range(n, 0, -2):
        if i % 3 == 0:
            continue
        if i < 3:
            break
        total += i
    return total


def g(a: Int, b: Int = 2, c: Int = 3) -> Int:
    return a * 100 + b * 10 + c


def main():
    print(f(20), f(7), f(0))
    print(g(1), g(1, c=9), g(c=1, a=2), g(4, 5, 6))
    var i = 42
    for i in range(2):
        print("inner", i)
    print("outer", i)
    var k = 0
    while True:
        k += 1
        if k > 5:
            break
    print(k)
    for j in range(3, -3, -2):
        print(j, end=" ")
    print()
    for _ in range(2):
        print("x", end="")
    print()
    print(1 if k > 3 else 0, "yes" if False else "no")
