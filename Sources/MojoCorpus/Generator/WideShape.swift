//! The `wide` shape: many modules spread over packages, each importing leaf functions from
//! a few earlier modules (a DAG), with every import form of §11: `from pkg.mod import f`,
//! `import pkg.mod` with qualified calls, and relative `from .mod import f` inside a package.
//! Call depth stays at two (runner -> own or imported leaves), so run time is linear in size.

/// Generates `wide` projects.
enum WideShape {
  /// Modules per package folder.
  static let modulesPerPackage = 8

  static func generate(_ options: CorpusOptions, rng: SplitMix64) -> GeneratedProject {
    let moduleCount = options.modules
    let packageCount = max(1, (moduleCount + modulesPerPackage - 1) / modulesPerPackage)
    var project = GeneratedProject()
    var leafCounts: [Int] = []
    for p in 0..<packageCount {
      var out = SourceBuffer()
      out.line("\"\"\"Generated package \(p).\"\"\"")
      project.files.append(GeneratedFile(path: "pkg\(p)/__init__.mojo", bytes: out.bytes, lines: out.lines))
    }
    for m in 0..<moduleCount {
      var writer = BodyWriter(out: SourceBuffer(capacity: 1 << 16), rng: rng.fork(UInt64(m)), emitC: options.emitC)
      let prototypes = writeModule(m, options: options, leafCounts: &leafCounts, writer: &writer)
      project.files.append(GeneratedFile(path: "\(path(m))", bytes: writer.out.bytes, lines: writer.out.lines))
      if let c = writer.c { project.cFiles.append(CProgram.file(mojoPath: path(m), prototypes: prototypes, body: c.bytes)) }
    }
    project.files.append(mainFile(moduleCount: moduleCount, seed: options.seed))
    if options.emitC { project.cFiles.append(mainC(moduleCount: moduleCount, seed: options.seed)) }
    return project
  }

  static func package(_ m: Int) -> Int { m / modulesPerPackage }
  static func path(_ m: Int) -> String { "pkg\(package(m))/m\(m).mojo" }

  /// One module: imports, leaf functions, combining functions and `run_m<m>`. Returns the C
  /// prototypes the module needs (its functions and its imports).
  @discardableResult
  static func writeModule(_ m: Int, options: CorpusOptions, leafCounts: inout [Int], writer w: inout BodyWriter)
    -> [String] {
    w.out.line("\"\"\"Generated module \(m) of a wide project.\"\"\"")
    // Imports from up to three earlier modules; at most one `import pkg.mod` per package,
    // since a second one would bind the package name twice.
    var imported: [String] = []
    var qualifiedPackages: Set<Int> = []
    if m > 0 {
      var sources: [Int] = []
      for _ in 0..<min(m, 3) {
        let j = m - 1 - w.rng.below(min(m, 24))
        if !sources.contains(j) { sources.append(j) }
      }
      for j in sources {
        let leaves = [w.rng.below(leafCounts[j]), w.rng.below(leafCounts[j])]
        let picked = leaves[0] == leaves[1] ? [leaves[0]] : leaves
        let form = w.rng.below(3)
        if form == 0 && !qualifiedPackages.contains(package(j)) {
          qualifiedPackages.insert(package(j))
          w.out.line("import pkg\(package(j)).m\(j)")
          imported += picked.map { "pkg\(package(j)).m\(j).l\(j)_\($0)" }
        } else if form == 1 && package(j) == package(m) {
          w.out.line("from .m\(j) import " + picked.map { "l\(j)_\($0)" }.joined(separator: ", "))
          imported += picked.map { "l\(j)_\($0)" }
        } else {
          w.out.line("from pkg\(package(j)).m\(j) import " + picked.map { "l\(j)_\($0)" }.joined(separator: ", "))
          imported += picked.map { "l\(j)_\($0)" }
        }
      }
    }
    w.out.newline()
    w.out.newline()
    // Leaves first (no calls), then combiners calling leaves; stop at the line budget or the
    // requested function count.
    let budget = options.lines.map { options.linesPerModule(total: $0) }
    let stop = budget.map { w.out.lines + $0 - 12 }
    var leaves = 0
    var combiners = 0
    var total = 0
    while true {
      if let stop { if w.out.lines >= stop && leaves > 0 && combiners > 0 { break } }
      else if total >= options.functions && leaves > 0 && combiners > 0 { break }
      if leaves <= combiners {
        w.callees = []
        w.maxLoops = 1
        w.intFunction(name: "l\(m)_\(leaves)", lines: w.rng.within(6...18))
        leaves += 1
      } else {
        w.callees = imported + (0..<leaves).map { "l\(m)_\($0)" }
        w.maxLoops = 2
        w.intFunction(name: "f\(m)_\(combiners)", lines: w.rng.within(12...40))
        combiners += 1
      }
      total += 1
    }
    leafCounts.append(leaves)
    w.out.line("def run_m\(m)(seed: Int) -> Int:")
    w.out.line("    var acc = seed")
    for k in 0..<combiners {
      w.out.line("    acc = acc * 31 + f\(m)_\(k)(acc % 1000, \(k))")
    }
    w.out.line("    return acc")
    guard w.c != nil else { return [] }
    w.c!.line("int64_t run_m\(m)(int64_t seed) {")
    w.c!.line("    int64_t acc = seed;")
    for k in 0..<combiners {
      w.c!.line("    acc = MJ_ADD(MJ_MUL(acc, 31), f\(m)_\(k)(mj_mod(acc, 1000), \(k)));")
    }
    w.c!.line("    return acc;")
    w.c!.line("}")
    let own = (0..<leaves).map { "l\(m)_\($0)" } + (0..<combiners).map { "f\(m)_\($0)" }
    let foreign = imported.map { String($0.split(separator: ".").last!) }
    return (own + foreign).map(CProgram.intPrototype) + ["int64_t run_m\(m)(int64_t seed);"]
  }

  /// `main.mojo`: runs every module and prints a running checksum every 16 modules.
  static func mainFile(moduleCount: Int, seed: UInt64) -> GeneratedFile {
    var out = SourceBuffer(capacity: moduleCount * 64)
    out.line("\"\"\"Generated wide project: \(moduleCount) modules.\"\"\"")
    for m in 0..<moduleCount { out.line("from pkg\(package(m)).m\(m) import run_m\(m)") }
    out.newline()
    out.newline()
    out.line("def main():")
    out.line("    var acc = \(seed % 1000)")
    for m in 0..<moduleCount {
      out.line("    acc = acc ^ run_m\(m)(\(m))")
      if m % 16 == 15 { out.line("    print(\"modules\", \(m + 1), \"checksum\", acc)") }
    }
    out.line("    print(\"wide checksum\", acc)")
    return GeneratedFile(path: "main.mojo", bytes: out.bytes, lines: out.lines)
  }

  /// `main.c`, the C form of `mainFile`.
  static func mainC(moduleCount: Int, seed: UInt64) -> GeneratedFile {
    var out = SourceBuffer(capacity: moduleCount * 96)
    out.line("void mojo_main(void) {")
    out.depth = 1
    out.line("int64_t acc = \(seed % 1000);")
    for m in 0..<moduleCount {
      out.line("acc = acc ^ run_m\(m)(\(m));")
      if m % 16 == 15 { CProgram.print([.text("modules"), .int("\(m + 1)"), .text("checksum"), .int("acc")], into: &out) }
    }
    CProgram.print([.text("wide checksum"), .int("acc")], into: &out)
    out.depth = 0
    out.line("}")
    return CProgram.file(mojoPath: "main.mojo", prototypes: (0..<moduleCount).map { "int64_t run_m\($0)(int64_t seed);" },
                         body: out.bytes)
  }
}
