def f(count: Int) -> Int:
    return count

def main():
    print(f(cuont=1))
