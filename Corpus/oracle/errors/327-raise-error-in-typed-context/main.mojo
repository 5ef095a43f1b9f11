@fieldwise_init
struct VE(Copyable, Writable):
    var field: String
    def write_to(self, mut writer: Some[Writer]):
        writer.write("VE(", self.field, ")")

def f(x: Int) raises VE -> Int:
    if x < 0:
        raise Error("x")
    return x

def main():
    try:
        print(f(-1))
    except e:
        print(e)
