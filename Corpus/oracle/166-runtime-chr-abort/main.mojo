# chr() of a value that is not a Unicode code point stops the program with Mojo 1.2's ABORT
# line (naming its standard library); a negative value passes Mojo's check and gives one byte.


def main():
    var codes: List[Int] = [65, 233, 0x1F600, -191, 0xD800]
    for i in range(len(codes)):
        var s = chr(codes[i])
        print(s, s.byte_length())
