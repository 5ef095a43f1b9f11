def main():
    var x: Int
    for i in range(3):
        x = i
    var y = x
    print(y)
