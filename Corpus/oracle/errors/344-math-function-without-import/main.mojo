def main():
    var x = 2.0
    print(sqrt(x))
