def main():
    print("abc)
