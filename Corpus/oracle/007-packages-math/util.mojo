comptime SCALE = 3


def twice(x: Int, times: Int = 2) -> Int:
    return x * times
