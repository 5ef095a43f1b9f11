def main():
    var b = True
    print(-b)
