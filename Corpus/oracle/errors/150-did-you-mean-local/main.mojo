def main():
    var count = 3
    for i in range(count):
        print(i + cuont)
