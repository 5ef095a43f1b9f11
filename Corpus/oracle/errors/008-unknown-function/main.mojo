def main():
    print(undefined_fn(3))
