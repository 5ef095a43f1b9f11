from geometry import area


def main():
    print(aera(2, 3))
