def main():
    var a = []
    print(len(a))
