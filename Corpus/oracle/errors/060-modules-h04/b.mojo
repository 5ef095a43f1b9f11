def g(x: Int) -> Int:
    return x + undefined_thing
