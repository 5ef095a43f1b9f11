def main():
    var total = 0
    for i in range(4):
        totl += i
    print(total)
