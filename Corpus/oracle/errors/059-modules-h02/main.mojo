from pkg import g

def main():
    print(g())
