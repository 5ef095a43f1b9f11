def dup[T: Copyable & Deinitable](x: T) -> T:
    var y: T = x.copy()
    var z = y^
    var w = z.copy()
    var v = w
    return v^

def main():
    print(dup(3))
