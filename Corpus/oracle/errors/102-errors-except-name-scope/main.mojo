def main() raises:
    var x = Error(5)
    print(x)
    try:
        raise Error("msg")
    except err:
        print(err)
    print(err)
