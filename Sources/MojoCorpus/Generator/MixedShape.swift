//! The `mixed` shape: structs (`@fieldwise_init` and explicit `__init__`, read-only and `mut`
//! methods), lists of structs mutated through indexing, Float64 arithmetic with `std.math`,
//! string building and comparison, plus integer functions from `BodyWriter`. Every Float64
//! product feeding an addition is exact (small integers times quarters), so the reference
//! compiler's default FMA contraction cannot change a printed digit.

/// Generates `mixed` projects.
enum MixedShape {
  static func generate(_ options: CorpusOptions, rng: SplitMix64) -> GeneratedProject {
    var project = GeneratedProject()
    for m in 0..<options.modules {
      var w = BodyWriter(out: SourceBuffer(capacity: 1 << 16), rng: rng.fork(UInt64(m)))
      w.out.line("\"\"\"Generated module \(m) of a mixed project.\"\"\"")
      w.out.line("from std.math import sqrt, floor")
      w.out.newline()
      w.out.newline()
      let stop = options.lines.map { w.out.lines + options.linesPerModule(total: $0) - 8 }
      var k = 0
      while stop.map({ w.out.lines < $0 }) ?? (k < options.functions) || k == 0 {
        group(m, k, writer: &w)
        k += 1
      }
      w.out.line("def run(seed: Int) -> Int:")
      w.out.line("    var acc = seed")
      for g in 0..<k { w.out.line("    acc = (acc * 13 + mix\(m)_\(g)(acc % 5 + 2) + calc\(m)_\(g)(acc % 1000, \(g))) % 1000000007") }
      w.out.line("    return acc")
      project.files.append(GeneratedFile(path: "mix\(m).mojo", bytes: w.out.bytes, lines: w.out.lines))
    }
    var out = SourceBuffer()
    out.line("\"\"\"Generated mixed project: \(options.modules) modules.\"\"\"")
    for m in 0..<options.modules { out.line("import mix\(m)") }
    out.newline()
    out.newline()
    out.line("def main():")
    out.line("    var acc = \(options.seed % 1000)")
    for m in 0..<options.modules { out.line("    acc = acc ^ mix\(m).run(acc % 100)") }
    out.line("    print(\"mixed checksum\", acc)")
    project.files.append(GeneratedFile(path: "main.mojo", bytes: out.bytes, lines: out.lines))
    return project
  }

  /// Two structs, a function using them, and an integer function.
  static func group(_ m: Int, _ k: Int, writer w: inout BodyWriter) {
    let rec = "Rec\(m)_\(k)"
    let acc = "Acc\(m)_\(k)"
    let tag = ["ab", "cd", "t", "zz", "mo", "jo"][w.rng.below(6)]
    w.out.line("""
      @fieldwise_init
      struct \(rec)(Copyable, Movable):
          var id: Int
          var weight: Float64
          var tag: String

          def score(self) -> Int:
              return self.id * \(w.rng.within(2...9)) + Int(floor(self.weight))

          def bump(mut self, d: Int):
              self.id += d
              self.weight = self.weight * 0.5 + Float64(d % \(w.rng.within(3...17)))

          def label(self) -> String:
              return self.tag + "-" + String(self.id)


      struct \(acc)(Copyable, Movable):
          var sum: Float64
          var count: Int
          var values: List[Int]

          def __init__(out self, start: Int):
              self.sum = 0.0
              self.count = start
              self.values = []

          def add(mut self, v: Int):
              self.values.append(v)
              self.count += 1
              self.sum += Float64(v) * \(w.rng.within(1...9))\([".25", ".5", ".75"][w.rng.below(3)])


      def mix\(m)_\(k)(n: Int) -> Int:
          var items: List[\(rec)] = []
          for i in range(n):
              items.append(\(rec)(i * \(w.rng.within(1...99)) + \(w.rng.within(0...999)), Float64(i) * 0.25 + \(w.rng.within(0...99)).5, "\(tag)" + String(i)))
          for i in range(len(items)):
              items[i].bump(i + \(k % 100))
          var a = \(acc)(\(w.rng.within(0...9)))
          var text: String = ""
          var total = 0
          for it in items:
              total += it.score()
              text += it.label()
              a.add(it.id % \(w.rng.within(10...1000)))
          var r = sqrt(a.sum + 1.0)
          if text < "\(["m", "c", "t", "zz"][w.rng.below(4)])":
              total += 1
          print("mix \(m).\(k)", total, text.byte_length(), a.count, a.sum, r, text)
          return total + text.byte_length() + len(a.values) + Int(floor(r))

      """)
    w.out.newline()
    w.callees = []
    w.maxLoops = 2
    w.maxDepth = 4
    w.intFunction(name: "calc\(m)_\(k)", lines: w.rng.within(8...30))
  }
}
