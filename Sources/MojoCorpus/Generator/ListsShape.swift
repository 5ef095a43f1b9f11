//! The `lists` shape: big `List[Int]` and `List[Float64]` literals (spread over many lines by
//! implicit joining), nested `List[List[Int]]` literals, and loops over lists by element and by
//! index with `append`, `pop`, element assignment and list parameters.

/// Generates `lists` projects.
enum ListsShape {
  static func generate(_ options: CorpusOptions, rng: SplitMix64) -> GeneratedProject {
    var project = GeneratedProject()
    var tables: [Int] = []
    for m in 0..<options.modules {
      var rng = rng.fork(UInt64(m))
      var out = SourceBuffer(capacity: 1 << 16)
      out.line("\"\"\"Generated module \(m) of a lists project.\"\"\"")
      out.newline()
      out.newline()
      out.line("def fold\(m)(xs: List[Int]) -> Int:")
      out.line("    var s = 0")
      out.line("    for x in xs:")
      out.line("        s = (s * 3 + x) % 1000000007")
      out.line("    return s")
      out.newline()
      let stop = options.lines.map { out.lines + options.linesPerModule(total: $0) - 8 }
      var k = 0
      while stop.map({ out.lines < $0 }) ?? (k < options.functions) || k == 0 {
        let remaining = stop.map { $0 - out.lines } ?? 60
        table(m, k, elements: rng.within(8...max(8, min(4_000, remaining * 6))), rng: &rng, out: &out)
        k += 1
      }
      tables.append(k)
      out.line("def run(seed: Int) -> Int:")
      out.line("    var acc = seed")
      for t in 0..<k { out.line("    acc = (acc * 7 + table\(m)_\(t)(acc % 10)) % 1000000007") }
      out.line("    return acc")
      project.files.append(GeneratedFile(path: "lists\(m).mojo", bytes: out.bytes, lines: out.lines))
    }
    var out = SourceBuffer()
    out.line("\"\"\"Generated lists project: \(options.modules) modules.\"\"\"")
    for m in 0..<options.modules { out.line("import lists\(m)") }
    out.newline()
    out.newline()
    out.line("def main():")
    out.line("    var acc = \(options.seed % 1000)")
    for m in 0..<options.modules { out.line("    acc = acc ^ lists\(m).run(acc % 100)") }
    out.line("    print(\"lists checksum\", acc)")
    project.files.append(GeneratedFile(path: "main.mojo", bytes: out.bytes, lines: out.lines))
    return project
  }

  /// `table<m>_<k>(bias: Int) -> Int` over a literal of `elements` integers.
  static func table(_ m: Int, _ k: Int, elements: Int, rng: inout SplitMix64, out: inout SourceBuffer) {
    out.line("def table\(m)_\(k)(bias: Int) -> Int:")
    out.line("    var data: List[Int] = [")
    var i = 0
    while i < elements {
      out.write("        ")
      for _ in 0..<min(10, elements - i) {
        if rng.chance(10) { out.write("-") }
        out.write(int: rng.within(0...99_999))
        out.write(", ")
        i += 1
      }
      out.newline()
    }
    out.line("    ]")
    out.line("    var total = bias")
    out.line("    for x in data:")
    out.write("        total = total * \(rng.within(2...9)) + x % ")
    out.write(int: rng.within(2...999))
    out.newline()
    out.line("    for i in range(len(data)):")
    out.write("        data[i] = (data[i] ^ i) + total % ")
    out.write(int: rng.within(2...97))
    out.newline()
    out.line("    data.append(total % 1000)")
    out.line("    var last = data.pop()")
    out.line("    total += last + fold\(m)(data) + len(data)")
    out.write("    var grid: List[List[Int]] = [")
    for r in 0..<rng.within(1...4) {
      out.write(r == 0 ? "[" : ", [")
      for c in 0..<rng.within(1...4) {
        if c > 0 { out.write(", ") }
        out.write(int: rng.within(0...99))
      }
      out.write("]")
    }
    out.write("]")
    out.newline()
    out.line("    grid[0].append(total % 10)")
    out.line("    for row in grid:")
    out.line("        for x in row:")
    out.line("            total = total * 5 + x")
    out.write("    var fl: List[Float64] = [")
    for c in 0..<rng.within(1...6) {
      if c > 0 { out.write(", ") }
      out.write(int: rng.within(0...999))
      out.write(".")
      out.write(int: rng.within(0...9))
      out.write("5")
    }
    out.write("]")
    out.newline()
    out.line("    var fs: Float64 = 0.0")
    out.line("    for y in fl:")
    out.line("        fs = fs * 0.5 + y")
    out.line("    print(\"table \(m).\(k)\", len(data), total, fs, grid[0])")
    out.line("    return total")
    out.newline()
  }
}
