from std.collections import Set


@fieldwise_init
struct Student(Copyable, Movable):
    var name: String
    var scores: List[Int]


def average(scores: List[Int]) -> Float64:
    if not scores:
        return 0.0
    var total = 0
    for s in scores:
        total += s
    return Float64(total) / Float64(len(scores))


def letter(avg: Float64) -> String:
    if avg >= 90.0:
        return "A"
    elif avg >= 80.0:
        return "B"
    elif avg >= 70.0:
        return "C"
    return "F"


def main() raises:
    var roster = List[Student]()
    roster.append(Student("ada", [95, 88, 92]))
    roster.append(Student("bo", [72, 65, 80]))
    roster.append(Student("cy", [85, 91, 78]))
    roster.append(Student("di", []))

    var by_letter: Dict[String, List[String]] = {}
    var averages: Dict[String, Float64] = {}
    for st in roster:
        var avg = average(st.scores)
        averages[st.name] = avg
        var grade = letter(avg)
        if grade not in by_letter:
            by_letter[grade] = List[String]()
        by_letter[grade].append(st.name)

    for e in averages.items():
        print(e.key, e.value)
    print(by_letter)

    var grades = List[String]()
    for g in by_letter.keys():
        grades.append(g)
    sort(grades)
    for g in grades:
        print(g, len(by_letter[g]), ", ".join(by_letter[g]))

    var all_scores = List[Int]()
    for st in roster:
        all_scores.extend(st.scores.copy())
    sort(all_scores)
    print(all_scores, len(all_scores))
    var distinct = Set[Int]()
    for s in all_scores:
        distinct.add(s // 10 * 10)
    var buckets = List[Int]()
    for b in distinct:
        buckets.append(b)
    sort(buckets)
    print(buckets)

    var best: Optional[String] = None
    var best_avg = -1.0
    for e in averages.items():
        if e.value > best_avg:
            best_avg = e.value
            best = e.key
    if best:
        print("best:", best.value(), best_avg)
    var missing = averages.get("zed")
    print(missing is None, averages.get("ada").or_else(0.0))
    _ = averages.pop("di")
    print(len(averages), "di" in averages)
