def main():
    var x = 5
    x()
