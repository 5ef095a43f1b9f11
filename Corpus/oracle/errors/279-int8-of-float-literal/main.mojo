def main():
    print(Int8(3.9))
