def area(w: Int, h: Int) -> Int:
    return w * h
