def nth(xs: List[Int], i: Int) -> Int:
    # The check fails here, in this module: its own path is reported.
    return xs[i]
