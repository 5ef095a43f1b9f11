@fieldwise_init
struct Account(Copyable, Writable):
    var owner: String
    var balance: Float64
    var log: List[String]

    def deposit(mut self, amount: Float64):
        self.balance += amount
        self.log.append("dep")

    def write_to(self, mut writer: Some[Writer]):
        writer.write(self.owner, ":", self.balance)


def main() raises:
    var accounts = Dict[String, Account]()
    accounts["a"] = Account("Ann", 10.0, [])
    ref acc = accounts["a"]
    acc.deposit(5.0)
    acc.balance *= 2
    print(accounts["a"], len(accounts["a"].log))
    var grid: List[List[Int]] = [[1, 2], [3, 4]]
    ref row = grid[1]
    row.append(5)
    row[0] = 30
    print(grid)
    var people: List[Account] = [Account("B", 1.0, []), Account("C", 2.0, [])]
    ref p = people[0]
    p.deposit(100.0)
    print(people[0], people[1])
    var acc2 = accounts["a"].copy()
    ref r = acc2
    r.deposit(1.0)
    print(acc2)
