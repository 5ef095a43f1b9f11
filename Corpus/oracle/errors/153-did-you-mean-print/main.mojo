def main():
    prnt("hello")
