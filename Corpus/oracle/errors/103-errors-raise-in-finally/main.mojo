def main():
    try:
        print("a")
    finally:
        raise Error("x")
