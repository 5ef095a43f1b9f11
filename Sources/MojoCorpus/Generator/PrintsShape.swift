//! The `prints` shape: one function with N unrolled `print` calls of varied arguments (the
//! case where compile time of the reference compiler explodes). A running value `v` changes
//! every few prints so the output depends on every statement.

/// Generates `prints` projects.
enum PrintsShape {
  static func generate(_ options: CorpusOptions, rng: SplitMix64) -> GeneratedProject {
    var rng = rng
    let count = options.lines ?? (options.modules * options.functions * 10)
    var out = SourceBuffer(capacity: count * 32 + 256)
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
      switch rng.below(8) {
      case 0:
        out.write("v = (v * 31 + "); out.write(int: rng.within(1...999)); out.write(") % 1000003")
      case 1:
        out.write("print(\"p\", "); out.write(int: k); out.write(", v)")
      case 2:
        out.write("print(v % "); out.write(int: rng.within(2...97)); out.write(", \"x\", v + ")
        out.write(int: k); out.write(", sep=\":\")")
      case 3:
        out.write("print(\"line "); out.write(int: k); out.write("\", v > "); out.write(int: rng.within(0...1000003))
        out.write(", end=\";\\n\")")
      case 4:
        out.write("f = f * 0.5 + "); out.write(int: rng.within(0...9)); out.write(".25")
      case 5:
        out.write("print(f, v, \"f\")")
      case 6:
        out.write("print(s, "); out.write(int: k); out.write(")")
      default:
        out.write("print("); out.write(int: k); out.write(", v * "); out.write(int: rng.within(1...9))
        out.write(", -"); out.write(int: rng.within(0...99)); out.write(")")
      }
      out.newline()
      k += 1
    }
    out.line("    return v")
    out.newline()
    out.newline()
    out.line("def main():")
    out.line("    var r = emit(\(options.seed % 1000))")
    out.line("    print(\"prints checksum\", r)")
    return GeneratedProject(files: [GeneratedFile(path: "main.mojo", bytes: out.bytes, lines: out.lines)])
  }
}
