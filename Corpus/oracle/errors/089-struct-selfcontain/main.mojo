struct Node:
    var value: Int
    var next: Node


def main():
    print(1)
