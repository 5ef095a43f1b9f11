# Dicts: a hash table in the runtime; insert, lookup (raising KeyError), `in` and iteration.
def main() raises:
    var d: Dict[String, Int] = {"a": 1}
    d["b"] = 2
    if "a" in d:
        print(d["b"])
    for k in d:
        print(k)
