def main() raises:
    try:
        raise Error("x")
    except:
        print("caught")
        raise
