import util

def main():
    print(util.nothere())
