@fieldwise_init
struct Point(Copyable, Movable, ImplicitlyCopyable):
    var x: Int
    var y: Int

    def plus(self, o: Point) -> Point:
        return Point(self.x + o.x, self.y + o.y)

    def scaled(self, k: Int) -> Point:
        return Point(self.x * k, self.y * k)

    def norm1(self) -> Int:
        return abs(self.x) + abs(self.y)


def describe(p: Point) -> String:
    return "(" + String(p.x) + ", " + String(p.y) + ")"


struct Stack(Movable):
    var items: List[Int]

    def __init__(out self):
        self.items = List[Int]()

    def push(mut self, v: Int):
        self.items.append(v)

    def pop(mut self) -> Int:
        return self.items.pop()

    def size(self) -> Int:
        return len(self.items)

    def is_empty(self) -> Bool:
        return self.size() == 0


def eval_rpn(tokens: List[String]) -> Int:
    var st = Stack()
    for t in tokens:
        if t == "+" or t == "-" or t == "*":
            var b = st.pop()
            var a = st.pop()
            if t == "+":
                st.push(a + b)
            elif t == "-":
                st.push(a - b)
            else:
                st.push(a * b)
        else:
            var v = 0
            for i in range(t.byte_length()):
                v = v * 10 + ord(t[byte=i]) - ord("0")
            st.push(v)
    return st.pop()


def main():
    var p = Point(1, 2).plus(Point(3, 4)).scaled(2)
    print(describe(p), p.norm1(), Point(-5, 5).norm1())
    var toks: List[String] = ["3", "4", "+", "12", "*", "5", "-"]
    print(eval_rpn(toks))
    var st = Stack()
    print(st.is_empty(), st.size())
    st.push(1)
    print(st.is_empty(), st.pop(), st.is_empty())
