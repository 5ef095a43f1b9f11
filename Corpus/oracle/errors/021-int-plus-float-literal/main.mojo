def main():
    var x = 1
    var y = x + 2.5
