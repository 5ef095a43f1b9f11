# `String(a, b, ...)`: each value written after the other.


@fieldwise_init
struct Point(Writable):
    var x: Int
    var y: Int

    def write_to(self, mut writer: Some[Writer]):
        writer.write("(", self.x, ", ", self.y, ")")


def label(name: String, index: Int) -> String:
    return String(name, "_", index)


def main():
    print(String("record_", 42, "/", 1.5))
    print(label("item", 7), String(True, " ", False))
    var xs: List[Int] = [1, 2]
    print(String("xs=", xs, " p=", Point(3, 4)))
    var s = String("a", "b")
    s += String(1, 2, 3)
    print(s, s.byte_length())
