struct Account:
    var balance: Int

    def __init__(out self, balance: Int) raises:
        if balance < 0:
            raise Error("negative balance")
        self.balance = balance

    def withdraw(mut self, amount: Int) raises:
        if amount > self.balance:
            raise Error("insufficient funds: " + String(self.balance) + " < " + String(amount))
        self.balance -= amount


def describe(e: Error) -> String:
    return "error(" + String(e) + ")"


def safe(x: Int) -> Int:
    try:
        if x == 0:
            raise Error("zero")
        return 10 // x
    except:
        return -1


def pass_along(x: Int) raises -> Int:
    return safe(x) + check(x)


def check(x: Int) raises -> Int:
    if x > 100:
        raise Error("x too large")
    return x


def main() raises:
    var a = Account(10)
    a.withdraw(3)
    print(a.balance)
    try:
        a.withdraw(100)
    except e:
        print(describe(e))
    print(a.balance)
    try:
        var b = Account(-1)
        print(b.balance)
    except e:
        print("init failed:", e)
    print(safe(0), safe(5))
    print(pass_along(5))
    var count = 0
    for i in range(5):
        try:
            _ = check(i * 60)
            count += 1
        except e:
            print(i, e)
    print(count)
    while True:
        try:
            raise Error("in while")
        except e:
            print(e)
            break
    print(pass_along(200))
