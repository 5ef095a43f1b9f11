def main():
    print("{} {}".format("only"))
