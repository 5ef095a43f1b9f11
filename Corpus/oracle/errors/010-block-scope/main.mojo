def main():
    var x = 5
    if x:
        var y = 2
    print(y)
