//! The `deep` shape: a few modules of long functions with nested `if`/`elif`/`else`, `for`
//! and `while` up to six levels (at most three loops deep, each of at most four trips, so the
//! run time stays linear in size). Long functions call only short helper leaves.

/// Generates `deep` projects.
enum DeepShape {
  static let helpersPerModule = 4

  static func generate(_ options: CorpusOptions, rng: SplitMix64) -> GeneratedProject {
    var project = GeneratedProject()
    for m in 0..<options.modules {
      var w = BodyWriter(out: SourceBuffer(capacity: 1 << 16), rng: rng.fork(UInt64(m)), emitC: options.emitC)
      let prototypes = writeModule(m, options: options, writer: &w)
      project.files.append(GeneratedFile(path: "d\(m).mojo", bytes: w.out.bytes, lines: w.out.lines))
      if let c = w.c { project.cFiles.append(CProgram.file(mojoPath: "d\(m).mojo", prototypes: prototypes, body: c.bytes)) }
    }
    var out = SourceBuffer()
    out.line("\"\"\"Generated deep project: \(options.modules) modules.\"\"\"")
    for m in 0..<options.modules { out.line("import d\(m)") }
    out.newline()
    out.newline()
    out.line("def main():")
    out.line("    var acc = \(options.seed % 1000)")
    for m in 0..<options.modules {
      out.line("    acc = acc * 17 + d\(m).run(acc % 100)")
      out.line("    print(\"module\", \(m), \"checksum\", acc)")
    }
    out.line("    print(\"deep checksum\", acc)")
    project.files.append(GeneratedFile(path: "main.mojo", bytes: out.bytes, lines: out.lines))
    if options.emitC { project.cFiles.append(mainC(options)) }
    return project
  }

  /// `main.c`: the C form of `main.mojo`.
  static func mainC(_ options: CorpusOptions) -> GeneratedFile {
    var out = SourceBuffer()
    out.line("void mojo_main(void) {")
    out.depth = 1
    out.line("int64_t acc = \(options.seed % 1000);")
    for m in 0..<options.modules {
      out.line("acc = MJ_ADD(MJ_MUL(acc, 17), d\(m)_run(mj_mod(acc, 100)));")
      CProgram.print([.text("module"), .int("\(m)"), .text("checksum"), .int("acc")], into: &out)
    }
    CProgram.print([.text("deep checksum"), .int("acc")], into: &out)
    out.depth = 0
    out.line("}")
    return CProgram.file(mojoPath: "main.mojo", prototypes: (0..<options.modules).map { "int64_t d\($0)_run(int64_t seed);" },
                         body: out.bytes)
  }

  /// One module: helpers, long functions and `run`; returns the C prototypes it needs.
  @discardableResult
  static func writeModule(_ m: Int, options: CorpusOptions, writer w: inout BodyWriter) -> [String] {
    w.out.line("\"\"\"Generated module \(m) of a deep project.\"\"\"")
    var shared: [String] = []
    if m > 0 {
      w.out.line("from d0 import h0_0, h0_1")
      shared = ["h0_0", "h0_1"]
    }
    w.out.newline()
    w.out.newline()
    w.maxLoops = 0
    w.maxDepth = 2
    for k in 0..<helpersPerModule { w.intFunction(name: "h\(m)_\(k)", lines: w.rng.within(4...8)) }
    w.callees = shared + (0..<helpersPerModule).map { "h\(m)_\($0)" }
    w.maxLoops = 3
    w.maxDepth = 6
    let functions: Int
    let length: Int
    if let total = options.lines {
      // Long functions: about 400 lines each, fewer when the module budget is small.
      let budget = options.linesPerModule(total: total)
      functions = max(1, budget / 400)
      length = max(10, budget / functions - 8)
    } else {
      functions = options.functions
      length = 120
    }
    for k in 0..<functions { w.intFunction(name: "g\(m)_\(k)", lines: length) }
    w.out.line("def run(seed: Int) -> Int:")
    w.out.line("    var acc = seed")
    for k in 0..<functions { w.out.line("    acc = (acc ^ g\(m)_\(k)(acc % 1000, \(k))) % 1000000007") }
    w.out.line("    return acc")
    guard w.c != nil else { return [] }
    w.c!.line("int64_t d\(m)_run(int64_t seed) {")
    w.c!.line("    int64_t acc = seed;")
    for k in 0..<functions { w.c!.line("    acc = mj_mod(acc ^ g\(m)_\(k)(mj_mod(acc, 1000), \(k)), 1000000007);") }
    w.c!.line("    return acc;")
    w.c!.line("}")
    let own = (0..<helpersPerModule).map { "h\(m)_\($0)" } + (0..<functions).map { "g\(m)_\($0)" }
    return (shared + own).map(CProgram.intPrototype) + ["int64_t d\(m)_run(int64_t seed);"]
  }
}
