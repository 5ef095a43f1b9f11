@fieldwise_init
struct Node:
    var value: Int
    var kids: List[Node]


def main():
    var n = Node(1, List[Node]())
    print(n.value)
