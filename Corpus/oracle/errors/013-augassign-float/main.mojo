def main():
    var x = 3
    x += 1.5
