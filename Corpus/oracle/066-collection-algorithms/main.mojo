from std.collections import Set


def two_sum(nums: List[Int], target: Int) -> Optional[Tuple[Int, Int]]:
    var seen: Dict[Int, Int] = {}
    for i in range(len(nums)):
        var need = target - nums[i]
        if need in seen:
            return (seen.get(need, -1), i)
        seen[nums[i]] = i
    return None


def bfs(graph: Dict[Int, List[Int]], start: Int) raises -> List[Int]:
    var order = List[Int]()
    var visited = Set[Int]()
    var queue: List[Int] = [start]
    visited.add(start)
    var head = 0
    while head < len(queue):
        var node = queue[head]
        head += 1
        order.append(node)
        for nxt in graph[node]:
            if nxt not in visited:
                visited.add(nxt)
                queue.append(nxt)
    return order^


def group_anagrams(words: List[String]) -> Dict[String, List[String]]:
    var groups: Dict[String, List[String]] = {}
    for w in words:
        var letters = List[String]()
        for k in range(w.byte_length()):
            letters.append(String(w[byte=k]))
        sort(letters)
        var key = String("").join(letters)
        if key not in groups:
            groups[key] = List[String]()
        try:
            groups[key].append(w)
        except:
            pass
    return groups^


def histogram(text: String) -> Dict[String, Int]:
    var counts = Dict[String, Int]()
    for k in range(text.byte_length()):
        var c = String(text[byte=k])
        if c == " ":
            continue
        counts[c] = counts.get(c, 0) + 1
    return counts^


def main() raises:
    var r = two_sum([2, 7, 11, 15], 9)
    if r:
        print("two_sum found")
    var graph: Dict[Int, List[Int]] = {1: [2, 3], 2: [4], 3: [4, 5], 4: [6], 5: [6], 6: []}
    print(bfs(graph, 1))
    var groups = group_anagrams(["eat", "tea", "tan", "ate", "nat", "bat"])
    for e in groups.items():
        print(e.key, e.value)
    var h = histogram("hello world")
    var keys = List[String]()
    for k in h:
        keys.append(k)
    sort(keys)
    for k in keys:
        print(k, h[k])
    var inverse: Dict[Int, List[String]] = {}
    for e in h.items():
        if e.value not in inverse:
            inverse[e.value] = List[String]()
        inverse[e.value].append(e.key)
    print(inverse)
    var memo: Dict[Int, Int] = {0: 0, 1: 1}
    for n in range(2, 60):
        memo[n] = memo[n - 1] + memo[n - 2]
    print(memo[59], len(memo))
    var best = ""
    var best_count = 0
    for e in h.items():
        if e.value > best_count:
            best = e.key
            best_count = e.value
    print(best, best_count)
