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
      var c: SourceBuffer? = options.emitC ? SourceBuffer(capacity: 1 << 17) : nil
      c?.line("int64_t fold\(m)(MojoList *xs) {")
      c?.line("    int64_t s = 0;")
      c?.line("    for (int64_t j = 0; j < xs->length; j++) s = mj_mod(MJ_ADD(MJ_MUL(s, 3), *mj_int_at(xs, j)), 1000000007);")
      c?.line("    return s;")
      c?.line("}")
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
        table(m, k, elements: rng.within(8...max(8, min(4_000, remaining * 6))), rng: &rng, out: &out, c: &c)
        k += 1
      }
      tables.append(k)
      out.line("def run(seed: Int) -> Int:")
      out.line("    var acc = seed")
      for t in 0..<k { out.line("    acc = (acc * 7 + table\(m)_\(t)(acc % 10)) % 1000000007") }
      out.line("    return acc")
      project.files.append(GeneratedFile(path: "lists\(m).mojo", bytes: out.bytes, lines: out.lines))
      if var c {
        c.line("int64_t lists\(m)_run(int64_t seed) {")
        c.line("    int64_t acc = seed;")
        for t in 0..<k { c.line("    acc = mj_mod(MJ_ADD(MJ_MUL(acc, 7), table\(m)_\(t)(mj_mod(acc, 10))), 1000000007);") }
        c.line("    return acc;")
        c.line("}")
        let prototypes = ["int64_t fold\(m)(MojoList *xs);"] + (0..<k).map { "int64_t table\(m)_\($0)(int64_t bias);" }
          + ["int64_t lists\(m)_run(int64_t seed);"]
        project.cFiles.append(CProgram.file(mojoPath: "lists\(m).mojo", prototypes: prototypes, body: c.bytes))
      }
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
    if options.emitC {
      var c = SourceBuffer()
      c.line("void mojo_main(void) {")
      c.depth = 1
      c.line("int64_t acc = \(options.seed % 1000);")
      for m in 0..<options.modules { c.line("acc = acc ^ lists\(m)_run(mj_mod(acc, 100));") }
      CProgram.print([.text("lists checksum"), .int("acc")], into: &c)
      c.depth = 0
      c.line("}")
      project.cFiles.append(CProgram.file(mojoPath: "main.mojo",
                                          prototypes: (0..<options.modules).map { "int64_t lists\($0)_run(int64_t seed);" },
                                          body: c.bytes))
    }
    return project
  }

  /// `table<m>_<k>(bias: Int) -> Int` over a literal of `elements` integers; its C form goes
  /// to `c` when given (numbers are drawn in the order the Mojo text has always used them).
  static func table(_ m: Int, _ k: Int, elements: Int, rng: inout SplitMix64, out: inout SourceBuffer,
                    c: inout SourceBuffer?) {
    let name = "table\(m)_\(k)"
    out.line("def \(name)(bias: Int) -> Int:")
    out.line("    var data: List[Int] = [")
    c?.line("int64_t \(name)(int64_t bias) {")
    c?.line("    static const int64_t data_init[] = {")
    var i = 0
    while i < elements {
      out.write("        ")
      c?.write("        ")
      for _ in 0..<min(10, elements - i) {
        if rng.chance(10) { out.write("-"); c?.write("-") }
        let value = rng.within(0...99_999)
        out.write(int: value)
        out.write(", ")
        c?.write(int: value)
        c?.write(", ")
        i += 1
      }
      out.newline()
      c?.newline()
    }
    out.line("    ]")
    out.line("    var total = bias")
    out.line("    for x in data:")
    let scale = rng.within(2...9)
    let modulus = rng.within(2...999)
    out.line("        total = total * \(scale) + x % \(modulus)")
    out.line("    for i in range(len(data)):")
    let spread = rng.within(2...97)
    out.line("        data[i] = (data[i] ^ i) + total % \(spread)")
    out.line("    data.append(total % 1000)")
    out.line("    var last = data.pop()")
    out.line("    total += last + fold\(m)(data) + len(data)")
    var rows: [[Int]] = []
    for _ in 0..<rng.within(1...4) {
      rows.append((0..<rng.within(1...4)).map { _ in rng.within(0...99) })
    }
    out.line("    var grid: List[List[Int]] = [" + rows.map { "[" + $0.map(String.init).joined(separator: ", ") + "]" }
      .joined(separator: ", ") + "]")
    out.line("    grid[0].append(total % 10)")
    out.line("    for row in grid:")
    out.line("        for x in row:")
    out.line("            total = total * 5 + x")
    let floats = (0..<rng.within(1...6)).map { _ in "\(rng.within(0...999)).\(rng.within(0...9))5" }
    out.line("    var fl: List[Float64] = [" + floats.joined(separator: ", ") + "]")
    out.line("    var fs: Float64 = 0.0")
    out.line("    for y in fl:")
    out.line("        fs = fs * 0.5 + y")
    out.line("    print(\"table \(m).\(k)\", len(data), total, fs, grid[0])")
    out.line("    return total")
    out.newline()
    guard c != nil else { return }
    c!.line("    };")
    c!.depth = 1
    c!.line("MojoList *data = mj_list_of(data_init, \(elements));")
    c!.line("int64_t total = bias;")
    c!.line("for (int64_t j = 0; j < data->length; j++) {")
    c!.line("    int64_t x = *mj_int_at(data, j);")
    c!.line("    total = MJ_ADD(MJ_MUL(total, \(scale)), mj_mod(x, \(modulus)));")
    c!.line("}")
    c!.line("for (int64_t i = 0, n = data->length; i < n; i++) {")
    c!.line("    *mj_int_at(data, i) = MJ_ADD(*mj_int_at(data, i) ^ i, mj_mod(total, \(spread)));")
    c!.line("}")
    c!.line("mj_append_int(data, mj_mod(total, 1000));")
    c!.line("int64_t last = mj_pop_int(data);")
    c!.line("total = MJ_ADD(total, MJ_ADD(MJ_ADD(last, fold\(m)(data)), data->length));")
    c!.line("MojoList *grid = mojo_rt_list_new(8, \(rows.count));")
    for (r, row) in rows.enumerated() {
      c!.line("static const int64_t row\(r)[] = {" + row.map(String.init).joined(separator: ", ") + "};")
      c!.line("mj_append_list(grid, mj_list_of(row\(r), \(row.count)));")
    }
    c!.line("mj_append_int(*mj_list_at(grid, 0), mj_mod(total, 10));")
    c!.line("for (int64_t r = 0; r < grid->length; r++) {")
    c!.line("    MojoList *row = *mj_list_at(grid, r);")
    c!.line("    for (int64_t j = 0; j < row->length; j++) total = MJ_ADD(MJ_MUL(total, 5), *mj_int_at(row, j));")
    c!.line("}")
    // Float literals as bit patterns: the C compiler's decimal conversion never decides a digit.
    let bits = floats.map { "\(Double($0)!.bitPattern)ull /* \($0) */" }
    c!.line("static const uint64_t fl_bits[] = {" + bits.joined(separator: ", ") + "};")
    c!.line("MojoList *fl = mj_list_of(fl_bits, \(floats.count));")
    c!.line("double fs = 0.0;")
    c!.line("for (int64_t j = 0; j < fl->length; j++) fs = fs * 0.5 + *mj_float_at(fl, j);")
    CProgram.print([.text("table \(m).\(k)"), .int("data->length"), .int("total"), .float("fs"),
                    .intList("*mj_list_at(grid, 0)")], into: &c!)
    c!.line("return total;")
    c!.depth = 0
    c!.line("}")
    c!.newline()
  }
}
