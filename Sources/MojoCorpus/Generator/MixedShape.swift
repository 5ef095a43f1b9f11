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
      var w = BodyWriter(out: SourceBuffer(capacity: 1 << 16), rng: rng.fork(UInt64(m)), emitC: options.emitC)
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
      if w.c != nil {
        w.c!.line("int64_t mix\(m)_run(int64_t seed) {")
        w.c!.line("    int64_t acc = seed;")
        for g in 0..<k {
          w.c!.line("    acc = mj_mod(MJ_ADD(MJ_ADD(MJ_MUL(acc, 13), mix\(m)_\(g)(MJ_ADD(mj_mod(acc, 5), 2))), "
            + "calc\(m)_\(g)(mj_mod(acc, 1000), \(g))), 1000000007);")
        }
        w.c!.line("    return acc;")
        w.c!.line("}")
        let prototypes = (0..<k).flatMap { ["int64_t mix\(m)_\($0)(int64_t n);", CProgram.intPrototype("calc\(m)_\($0)")] }
          + ["int64_t mix\(m)_run(int64_t seed);"]
        project.cFiles.append(CProgram.file(mojoPath: "mix\(m).mojo", prototypes: prototypes, body: w.c!.bytes))
      }
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
    if options.emitC {
      var c = SourceBuffer()
      c.line("void mojo_main(void) {")
      c.depth = 1
      c.line("int64_t acc = \(options.seed % 1000);")
      for m in 0..<options.modules { c.line("acc = acc ^ mix\(m)_run(mj_mod(acc, 100));") }
      CProgram.print([.text("mixed checksum"), .int("acc")], into: &c)
      c.depth = 0
      c.line("}")
      project.cFiles.append(CProgram.file(mojoPath: "main.mojo",
                                          prototypes: (0..<options.modules).map { "int64_t mix\($0)_run(int64_t seed);" },
                                          body: c.bytes))
    }
    return project
  }

  /// Two structs, a function using them, and an integer function; the C form (structs, methods
  /// as functions taking `self` by pointer, lists of structs stored inline) goes to `w.c`.
  static func group(_ m: Int, _ k: Int, writer w: inout BodyWriter) {
    let rec = "Rec\(m)_\(k)"
    let acc = "Acc\(m)_\(k)"
    let tag = ["ab", "cd", "t", "zz", "mo", "jo"][w.rng.below(6)]
    // Numbers in the order the template has always drawn them.
    let scoreScale = w.rng.within(2...9)
    let bumpModulus = w.rng.within(3...17)
    let addWhole = w.rng.within(1...9)
    let addFraction = [".25", ".5", ".75"][w.rng.below(3)]
    let idScale = w.rng.within(1...99)
    let idOffset = w.rng.within(0...999)
    let weightOffset = w.rng.within(0...99)
    let accStart = w.rng.within(0...9)
    let valueModulus = w.rng.within(10...1000)
    let bound = ["m", "c", "t", "zz"][w.rng.below(4)]
    w.out.line("""
      @fieldwise_init
      struct \(rec)(Copyable, Movable):
          var id: Int
          var weight: Float64
          var tag: String

          def score(self) -> Int:
              return self.id * \(scoreScale) + Int(floor(self.weight))

          def bump(mut self, d: Int):
              self.id += d
              self.weight = self.weight * 0.5 + Float64(d % \(bumpModulus))

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
              self.sum += Float64(v) * \(addWhole)\(addFraction)


      def mix\(m)_\(k)(n: Int) -> Int:
          var items: List[\(rec)] = []
          for i in range(n):
              items.append(\(rec)(i * \(idScale) + \(idOffset), Float64(i) * 0.25 + \(weightOffset).5, "\(tag)" + String(i)))
          for i in range(len(items)):
              items[i].bump(i + \(k % 100))
          var a = \(acc)(\(accStart))
          var text: String = ""
          var total = 0
          for it in items:
              total += it.score()
              text += it.label()
              a.add(it.id % \(valueModulus))
          var r = sqrt(a.sum + 1.0)
          if text < "\(bound)":
              total += 1
          print("mix \(m).\(k)", total, text.byte_length(), a.count, a.sum, r, text)
          return total + text.byte_length() + len(a.values) + Int(floor(r))

      """)
    if w.c != nil {
      // Every product below is exact (small integers times quarters), as in the Mojo text.
      w.c!.write("""
        typedef struct { int64_t id; double weight; const MojoString *tag; } \(rec);
        typedef struct { double sum; int64_t count; MojoList *values; } \(acc);
        static int64_t \(rec)_score(const \(rec) *self) {
            return MJ_ADD(MJ_MUL(self->id, \(scoreScale)), (int64_t)mojo_rt_floor(self->weight));
        }
        static void \(rec)_bump(\(rec) *self, int64_t d) {
            self->id = MJ_ADD(self->id, d);
            self->weight = self->weight * 0.5 + (double)mj_mod(d, \(bumpModulus));
        }
        static const MojoString *\(rec)_label(const \(rec) *self) {
            return mojo_rt_str_concat(mojo_rt_str_concat(self->tag, mj_string("-", 1)), mojo_rt_str_from_int(self->id));
        }
        static void \(acc)_add(\(acc) *self, int64_t v) {
            mj_append_int(self->values, v);
            self->count = MJ_ADD(self->count, 1);
            self->sum = self->sum + (double)v * \(addWhole)\(addFraction);
        }
        int64_t mix\(m)_\(k)(int64_t n) {
            MojoList *items = mojo_rt_list_new(sizeof(\(rec)), 0);
            for (int64_t i = 0; i < n; i++) {
                \(rec) *slot = mojo_rt_list_append_slot(items, sizeof(\(rec)));
                slot->id = MJ_ADD(MJ_MUL(i, \(idScale)), \(idOffset));
                slot->weight = (double)i * 0.25 + \(weightOffset).5;
                slot->tag = mojo_rt_str_concat(mj_string("\(tag)", \(tag.utf8.count)), mojo_rt_str_from_int(i));
            }
            for (int64_t i = 0, count = items->length; i < count; i++) {
                \(rec)_bump(mojo_rt_list_at(items, i, sizeof(\(rec)), 0), MJ_ADD(i, \(k % 100)));
            }
            \(acc) a = { 0.0, \(accStart), mojo_rt_list_new(8, 0) };
            const MojoString *text = mj_string("", 0);
            int64_t total = 0;
            for (int64_t j = 0; j < items->length; j++) {
                const \(rec) *it = mojo_rt_list_at(items, j, sizeof(\(rec)), 0);
                total = MJ_ADD(total, \(rec)_score(it));
                text = mojo_rt_str_concat(text, \(rec)_label(it));
                \(acc)_add(&a, mj_mod(it->id, \(valueModulus)));
            }
            double r = mj_sqrt(a.sum + 1.0);
            if (mojo_rt_str_compare(text, mj_string("\(bound)", \(bound.utf8.count))) < 0) {
                total = MJ_ADD(total, 1);
            }

        """)
      w.c!.depth = 1
      CProgram.print([.text("mix \(m).\(k)"), .int("total"), .int("text->length"), .int("a.count"), .float("a.sum"),
                      .float("r"), .string("text")], into: &w.c!)
      w.c!.depth = 0
      w.c!.line("    return MJ_ADD(MJ_ADD(MJ_ADD(total, text->length), a.values->length), (int64_t)mojo_rt_floor(r));")
      w.c!.line("}")
    }
    w.newline()
    w.callees = []
    w.maxLoops = 2
    w.maxDepth = 4
    w.intFunction(name: "calc\(m)_\(k)", lines: w.rng.within(8...30))
  }
}
