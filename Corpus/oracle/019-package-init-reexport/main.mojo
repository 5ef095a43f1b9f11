from pkg import f

def main():
    print(f())
