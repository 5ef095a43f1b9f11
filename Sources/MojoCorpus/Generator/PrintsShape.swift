//! The `prints` shape: one function with N unrolled `print` calls of varied arguments (the
//! case where compile time of the reference compiler explodes). A running value `v` changes
//! every few prints so the output depends on every statement.

/// Generates `prints` projects.
enum PrintsShape {
  static func generate(_ options: CorpusOptions, rng: SplitMix64) -> GeneratedProject {
    var rng = rng
    let count = options.lines ?? (options.modules * options.functions * 10)
    var out = SourceBuffer(capacity: count * 32 + 256)
    var c = SourceBuffer(capacity: options.emitC ? count * 64 + 256 : 0)
    c.line("int64_t emit(int64_t seed) {")
    c.depth = 1
    c.line("int64_t v = seed;")
    c.line("double f = 0.5;")
    out.line("\"\"\"Generated prints project: \(count) print calls in one function.\"\"\"")
    out.newline()
    out.newline()
    out.line("def emit(seed: Int) -> Int:")
    out.line("    var v = seed")
    out.line("    var f: Float64 = 0.5")
    out.line("    var s: String = \"s\"")
    var k = 0
    while out.lines < count {
      out.write("    ")
      // Each case draws its numbers first, then writes Mojo and (when asked) C.
      switch rng.below(8) {
      case 0:
        let r = rng.within(1...999)
        out.write("v = (v * 31 + "); out.write(int: r); out.write(") % 1000003")
        if options.emitC { c.line("v = mj_mod(MJ_ADD(MJ_MUL(v, 31), \(r)), 1000003);") }
      case 1:
        out.write("print(\"p\", "); out.write(int: k); out.write(", v)")
        if options.emitC { CProgram.print([.text("p"), .int("\(k)"), .int("v")], into: &c) }
      case 2:
        let r = rng.within(2...97)
        out.write("print(v % "); out.write(int: r); out.write(", \"x\", v + ")
        out.write(int: k); out.write(", sep=\":\")")
        if options.emitC { CProgram.print([.int("mj_mod(v, \(r))"), .text("x"), .int("MJ_ADD(v, \(k))")], sep: ":", into: &c) }
      case 3:
        let r = rng.within(0...1000003)
        out.write("print(\"line "); out.write(int: k); out.write("\", v > "); out.write(int: r)
        out.write(", end=\";\\n\")")
        if options.emitC { CProgram.print([.text("line \(k)"), .bool("v > \(r)")], end: ";\n", into: &c) }
      case 4:
        let r = rng.within(0...9)
        out.write("f = f * 0.5 + "); out.write(int: r); out.write(".25")
        if options.emitC { c.line("f = f * 0.5 + \(r).25;") }
      case 5:
        out.write("print(f, v, \"f\")")
        if options.emitC { CProgram.print([.float("f"), .int("v"), .text("f")], into: &c) }
      case 6:
        out.write("print(s, "); out.write(int: k); out.write(")")
        if options.emitC { CProgram.print([.text("s"), .int("\(k)")], into: &c) }
      default:
        let r = rng.within(1...9)
        let q = rng.within(0...99)
        out.write("print("); out.write(int: k); out.write(", v * "); out.write(int: r)
        out.write(", -"); out.write(int: q); out.write(")")
        if options.emitC { CProgram.print([.int("\(k)"), .int("MJ_MUL(v, \(r))"), .int("-\(q)")], into: &c) }
      }
      out.newline()
      k += 1
    }
    out.line("    _ = f  # the last update of f may be unread: no warning")
    out.line("    return v")
    out.newline()
    out.newline()
    out.line("def main():")
    out.line("    var r = emit(\(options.seed % 1000))")
    out.line("    print(\"prints checksum\", r)")
    var project = GeneratedProject(files: [GeneratedFile(path: "main.mojo", bytes: out.bytes, lines: out.lines)])
    if options.emitC {
      c.line("return v;")
      c.depth = 0
      c.line("}")
      c.newline()
      c.line("void mojo_main(void) {")
      c.line("    int64_t r = emit(\(options.seed % 1000));")
      c.depth = 1
      CProgram.print([.text("prints checksum"), .int("r")], into: &c)
      c.depth = 0
      c.line("}")
      project.cFiles.append(CProgram.file(mojoPath: "main.mojo", prototypes: [], body: c.bytes))
    }
    return project
  }
}
