# Destructors run right after a value's last use, as Mojo destroys values as soon as possible.


struct FileHandle(Movable):
    var path: String
    var lines: Int

    def __init__(out self, path: String):
        self.path = path
        self.lines = 0
        print("open", path)

    def write(mut self, text: String):
        self.lines += 1
        print("  write", self.path, text)

    def __deinit__(deinit self):
        print("close", self.path, "after", self.lines, "lines")


struct Timer:
    var label: String

    def __init__(out self, label: String):
        self.label = label
        print("start", label)

    def __del__(deinit self):
        print("stop", self.label)


struct Session(Movable):
    var log: FileHandle
    var user: String

    def __init__(out self, var log: FileHandle, user: String):
        self.log = log^
        self.user = user

    def __deinit__(deinit self):
        print("end session", self.user)


def count_words(text: String) -> Int:
    var t = Timer("count")
    var n = 0
    for w in text.split(" "):
        if w.byte_length() > 0:
            n += 1
    return n


def archive(var f: FileHandle):
    print("archiving", f.path)


def first_positive(values: List[Int]) -> Int:
    var t = Timer("search")
    for v in values:
        if v > 0:
            return v
    return -1


def main():
    var log = FileHandle("app.log")
    log.write("starting")
    log.write("running")
    print("log written")
    var unused = Timer("unused")
    print("words:", count_words("the quick  brown fox"))
    var data = FileHandle("data.csv")
    data.write("a,b")
    archive(data^)
    print("archived")
    var t = Timer("phase")
    if t.label == "phase":
        print("in phase")
    var loop_file = FileHandle("loop.txt")
    for i in range(3):
        loop_file.write(String(i))
    print("loop done")
    print("found", first_positive([-1, 0, 5, 7]))
    var s = Session(FileHandle("session.log"), "ada")
    print("session for", s.user)
    var r = Timer("first")
    r = Timer("second")
    print("timer", r.label)
    _ = Timer("temporary")
    print("end of main")
