def main():
    print(Int8("5"))
