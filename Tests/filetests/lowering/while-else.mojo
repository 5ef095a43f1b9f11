# while with break, continue and else: a header block tests the condition; else runs
# when the condition fails, not after a break.
def main():
    var i = 0
    while i < 10:
        i += 1
        if i == 3:
            continue
        if i == 7:
            break
    else:
        print("no break")
    print(i)
