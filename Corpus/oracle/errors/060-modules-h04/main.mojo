import a

def main():
    print(a.f())
