# for over range(a, b): a counter, a compare and an increment; else after the loop.
def main():
    var total = 0
    for i in range(2, 5):
        if i == 4:
            break
        total += i
    else:
        total = -1
    print(total)
