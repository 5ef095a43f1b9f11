# comptime constants and `comptime if`: folded before lowering, only the taken arm is lowered.
comptime DEBUG = False
comptime SIZE = 4 * 8


def main():
    comptime if DEBUG:
        print("debug")
    else:
        print(SIZE)
