from pkg.sub.deep import v

def main():
    print(v())
