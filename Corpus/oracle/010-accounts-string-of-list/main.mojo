struct Account(Copyable, Movable):
    var owner: String
    var balance: Int
    var history: List[Int]

    def __init__(out self, owner: String, opening: Int = 0):
        self.owner = owner
        self.balance = opening
        self.history = [opening]

    def deposit(mut self, amount: Int):
        self.balance += amount
        self.history.append(amount)

    def transfer_to(mut self, mut other: Account, amount: Int) -> Bool:
        if amount > self.balance:
            return False
        self.deposit(-amount)
        other.deposit(amount)
        return True

    def summary(self) -> String:
        return self.owner + ":" + String(self.balance) + " " + String(len(self.history))

    @staticmethod
    def bank_name() -> String:
        return "MojoBank"


def main():
    var a = Account("ann", 100)
    var b = Account(owner="bob")
    print(a.transfer_to(b, 30), a.transfer_to(b, 500))
    print(a.summary(), b.summary(), Account.bank_name())
    var accounts: List[Account] = [Account("c", 5), Account("d")]
    accounts[1].deposit(7)
    accounts.append(a.copy())
    var t = 0
    for acc in accounts:
        t += acc.balance
    var nested: List[List[Float64]] = [[1.5], [2.0, -0.0]]
    print(t, accounts[2].history, String(accounts[1].history), String(nested))
    var sep = "-"
    print("a", "b", sep=sep, end=sep + "\n")
    var words: List[String] = ["x", "y"]
    var joined = ""
    for w in words:
        joined += w + sep
    print(joined, String(words), "lit")
