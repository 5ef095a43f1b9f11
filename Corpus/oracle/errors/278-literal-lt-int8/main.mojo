def main():
    print(3 < Int8(2))
