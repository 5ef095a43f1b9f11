def main():
    var x: Int
    var c = True
    if c:
        x = 1
    print(x + 1)
