"""Doc."""

"stray"


def main():
    print(1)
