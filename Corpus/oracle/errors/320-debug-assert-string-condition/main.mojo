def main():
    var s = String("abc")
    debug_assert(s, "message")
    print("ok")
