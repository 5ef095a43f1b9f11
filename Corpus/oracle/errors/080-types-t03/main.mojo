def bump(mut x: Int):
    x += 1

def main():
    bump(3)
