# comptime for over a range: lowered as the run-time loop a plain for would be.
def main():
    var total = 0
    comptime for i in range(3):
        total += i * 10
    print(total)
