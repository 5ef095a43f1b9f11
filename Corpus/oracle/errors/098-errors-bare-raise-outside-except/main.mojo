def f() raises:
    raise
