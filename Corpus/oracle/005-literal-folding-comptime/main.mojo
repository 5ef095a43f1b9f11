comptime N = 10
comptime HALF = N / 4
comptime M: Int = 10
comptime NAME = "mojo"
comptime BIG = 2 ** 64 + 5


def main():
    print(N, HALF, M / 4, M // 4, NAME, BIG)
    print(0.1 + 0.2, 0.1 + 0.2 == 0.3, 10 / 4, 7 // -2, -7 % 3, 2 ** -1)
    print(99999999999999999999, 1e400 / 1e390, 3.0 // 0.0)
    comptime K = N * 3
    var x = K + 1
    print(x, 1 << 70 >> 68)
