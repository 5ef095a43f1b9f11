# String building: number formatting, concatenation, byte access and a rolling checksum.


def digits_sum(s: String) -> Int:
    var total = 0
    for i in range(s.byte_length()):
        var c = ord(s[byte=i])
        if c >= 48 and c <= 57:
            total += c - 48
    return total


def build_line(k: Int) -> String:
    var line = "item-" + String(k) + ":"
    for j in range(k % 7):
        line += String(j * k)
        line += ","
    return line


def main():
    var checksum = 0
    var length = 0
    var longest = ""
    for k in range(120_000):
        var line = build_line(k)
        checksum = (checksum * 31 + digits_sum(line)) % 1_000_000_007
        length += line.byte_length()
        if line.byte_length() > longest.byte_length():
            longest = line
    var parts = List[String]()
    for k in range(2000):
        parts.append(String(k * k))
    var joined = ""
    for i in range(len(parts)):
        joined += parts[i]
        joined += " "
    print("checksum", checksum)
    print("length", length)
    print("longest", longest)
    print("joined", joined.byte_length(), digits_sum(joined))
