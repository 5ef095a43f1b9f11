def main():
    var apple = 1
    var apply = 2
    print(apple + apply + appla)
