struct Circle(Drawable):
    var r: Float64

    def __init__(out self, r: Float64):
        self.r = r


def main():
    print(Circle(1.0).r)
