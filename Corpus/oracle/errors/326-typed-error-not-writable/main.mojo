@fieldwise_init
struct VE(Copyable):
    var field: String

def f(x: Int) raises VE -> Int:
    if x < 0:
        raise VE("neg")
    return x

def h() raises -> Int:
    return f(-2)

def main():
    try:
        print(h())
    except e:
        print(e)
