def main():
    print("a\qb")
