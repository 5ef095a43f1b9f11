def main():
    print("abc".replace("a", "b"))
