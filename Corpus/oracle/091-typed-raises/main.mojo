# Typed errors: `raises E` raises values of a struct type; `except e` binds an `E`.
@fieldwise_init
struct ValidationError(Copyable, Writable):
    var field: String
    var reason: String

    def write_to(self, mut writer: Some[Writer]):
        writer.write("ValidationError(", self.field, "): ", self.reason)


@fieldwise_init
struct Code(Copyable, Writable):
    var code: Int

    def write_to(self, mut writer: Some[Writer]):
        writer.write("Code ", self.code)


def validate(name: String) raises ValidationError -> String:
    if name.byte_length() == 0:
        raise ValidationError(field="name", reason="cannot be empty")
    if name.byte_length() < 3:
        raise ValidationError("name", "too short")
    return name


def check(n: Int) raises Code:
    if n < 0:
        raise Code(n)
    print("checked", n)


def plain(n: Int) raises -> Int:
    # a typed error reaching an `Error` context becomes an `Error` of its text
    check(n)
    return n * 2


def again(n: Int) raises Code:
    try:
        check(n)
    except e:
        print("again caught", e.code)
        raise e^


def rethrow(n: Int) raises Code:
    try:
        check(n)
    except e:
        print("rethrow caught", e.code)
        raise


def plain_raise() raises:
    raise Code(7)


def main() raises:
    for name in ["alice", "", "ab"]:
        try:
            print(validate(name))
        except e:
            print("Error in field '" + e.field + "': " + e.reason)
            print(e)
    try:
        print(plain(4))
        print(plain(-4))
    except e:
        print("plain:", e)
    try:
        again(-1)
    except e:
        print("main:", e, e.code)
    try:
        rethrow(-2)
    except e:
        print("main:", e.code)
    try:
        print(plain(1))
        check(-5)
    except e:
        print("mixed:", e)
    finally:
        print("finally")
    try:
        plain_raise()
    except e:
        print("plain_raise:", e)
    check(-9)
