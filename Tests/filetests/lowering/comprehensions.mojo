# A list comprehension: a new list, a loop over the source, the filter as a branch, an append.
def main():
    var xs: List[Int] = [1, 2, 3, 4]
    var squares = [x * x for x in xs if x % 2 == 0]
    print(len(squares))
