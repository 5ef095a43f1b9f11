def main():
    var x = Int("3")
    print(x)
