"stray" "joined"


def main():
    print(1)
