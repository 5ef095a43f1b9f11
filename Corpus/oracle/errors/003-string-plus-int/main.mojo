def main():
    var s = "a" + 1
