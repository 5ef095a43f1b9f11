def main():
    var grid: List[List[Int]] = [[1, 2], [3, 4]]
    var row = 1
    grid[row][1] += 10
    print(grid[row][1])
    var s = String("abc")
    print(s[byte=2])
    row += 1
    grid[row][0] = 7
    print("unreachable")
