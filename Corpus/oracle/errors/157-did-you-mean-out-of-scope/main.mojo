def main():
    for idx in range(3):
        print(idx)
    print(idy)
