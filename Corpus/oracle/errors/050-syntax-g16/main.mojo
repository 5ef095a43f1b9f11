alias N = 5

def main():
    pass
