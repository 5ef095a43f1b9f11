def main():
    var b = True
    var y = b + 1
