def main():
    var k = 98
    print(Codepoint(k))
