//! Integer function bodies for every shape: expressions, assignments, `if`/`elif`/`else`,
//! bounded `for` and `while` loops, and calls to helper functions. Everything it writes is
//! defined identically by both backends and by Mojo 1.2: divisors and moduli are non-zero
//! literals, shift counts are literals in 0...63, loops run a bounded number of times, callees
//! never call back (no deep recursion), and wrap-around on overflow is allowed by §7.1.
//!
//! With `c` set it writes the same function in C at the same time (same random draws, so the
//! Mojo text does not change): wrapping `+ - * << -x` and floor `// %` go through the macros
//! and functions of `CPrelude`, everything else maps to the C operator. Expressions have no side
//! effects and callees print nothing, so C's unspecified operand order cannot change a result.

/// Writes integer statements and expressions into a `SourceBuffer`.
struct BodyWriter {
  var out: SourceBuffer
  /// The same code in C, when the project's C equivalent is wanted.
  var c: SourceBuffer?
  var rng: SplitMix64
  /// Names that may be read: parameters, mutable locals, loop variables in scope.
  var readable: [String] = []
  /// Mutable locals that may be assigned.
  var mutable: [String] = []
  /// Callables `name(Int, Int) -> Int` that may be called in expressions.
  var callees: [String] = []
  /// Unique suffix for loop and counter names within one function.
  var counter = 0
  /// Deepest statement nesting and deepest loop nesting allowed.
  var maxDepth = 4
  var maxLoops = 2

  init(out: SourceBuffer, rng: SplitMix64, emitC: Bool = false) {
    self.out = out
    self.rng = rng
    if emitC { c = SourceBuffer(capacity: 1 << 16) }
  }

  // MARK: - Writing both languages

  /// Writes `mojo` to the Mojo text and `cText` to the C text.
  @inline(__always)
  mutating func write(_ mojo: StaticString, _ cText: StaticString) {
    out.write(mojo)
    c?.write(cText)
  }

  /// Writes the same text to both.
  @inline(__always)
  mutating func write(_ text: StaticString) { write(text, text) }

  /// Writes a name (the same in both languages).
  mutating func write(name: String) {
    out.write(name)
    c?.write(name)
  }

  mutating func write(int value: Int) {
    out.write(int: value)
    c?.write(int: value)
  }

  /// Indents both.
  mutating func indent() {
    out.indent()
    c?.indent()
  }

  /// Ends a line in both.
  mutating func newline() {
    out.newline()
    c?.newline()
  }

  /// One more level of indentation in both.
  mutating func deeper() {
    out.depth += 1
    c?.depth += 1
  }

  mutating func shallower() {
    out.depth -= 1
    c?.depth -= 1
  }

  /// A C-only line at the C depth (closing braces).
  mutating func cLine(_ text: StaticString) { c?.line(text) }

  // MARK: - Functions

  /// Writes `def name(a: Int, b: Int) -> Int:` with about `lines` lines of body, and returns
  /// a checksum of its locals.
  mutating func intFunction(name: String, lines: Int) {
    indent()
    write("def ", "int64_t ")
    write(name: name)
    write("(a: Int, b: Int) -> Int:", "(int64_t a, int64_t b) {")
    newline()
    deeper()
    readable = ["a", "b"]
    mutable = []
    counter = 0
    for k in 0..<4 {
      let local = "x\(k)"
      indent()
      write("var ", "int64_t ")
      write(name: local)
      write(" = ")
      expression(size: 2)
      c?.write(";")
      newline()
      readable.append(local)
      mutable.append(local)
    }
    block(lines: max(1, lines - 6), depth: 1, loops: 0)
    indent()
    write("return (x0 ^ x1) + x2 * 31 + x3", "return MJ_ADD(MJ_ADD(x0 ^ x1, MJ_MUL(x2, 31)), x3);")
    newline()
    shallower()
    cLine("}")
    newline()
  }

  // MARK: - Statements

  /// Writes statements at the current depth until about `lines` lines are written.
  mutating func block(lines: Int, depth: Int, loops: Int) {
    let stop = out.lines + max(1, lines)
    repeat {
      statement(remaining: stop - out.lines, depth: depth, loops: loops)
    } while out.lines < stop
  }

  /// One statement; compound ones take a share of `remaining` lines.
  mutating func statement(remaining: Int, depth: Int, loops: Int) {
    let canNest = depth < maxDepth && remaining >= 4
    let roll = rng.below(100)
    if canNest && roll < 14 {
      ifStatement(remaining: remaining, depth: depth, loops: loops)
    } else if canNest && loops < maxLoops && roll < 24 {
      forStatement(remaining: remaining, depth: depth, loops: loops)
    } else if canNest && loops < maxLoops && roll < 28 {
      whileStatement(remaining: remaining, depth: depth, loops: loops)
    } else if !callees.isEmpty && roll < 40 {
      indent()
      let target = mutable[rng.below(mutable.count)]
      out.write(target)
      out.write(" += ")
      c?.write("\(target) = MJ_ADD(\(target), ")
      call()
      c?.write(");")
      newline()
    } else {
      assignment()
    }
  }

  /// `x = e`, or an augmented assignment with a safe operator.
  mutating func assignment() {
    indent()
    let target = mutable[rng.below(mutable.count)]
    out.write(target)
    c?.write(target)
    switch rng.below(8) {
    case 0: out.write(" += "); c?.write(" = MJ_ADD(\(target), "); expression(size: 3); c?.write(")")
    case 1: out.write(" -= "); c?.write(" = MJ_SUB(\(target), "); expression(size: 2); c?.write(")")
    case 2: write(" ^= "); expression(size: 3)
    case 3: out.write(" //= "); c?.write(" = mj_floordiv(\(target), "); write(int: rng.within(2...9)); c?.write(")")
    case 4: out.write(" %= "); c?.write(" = mj_mod(\(target), "); write(int: rng.within(1_000...1_000_000)); c?.write(")")
    default: write(" = "); expression(size: 4)
    }
    c?.write(";")
    newline()
  }

  /// The body share of a compound statement.
  mutating func share(_ remaining: Int) -> Int { rng.within(1...max(1, min(remaining / 2, 24))) }

  mutating func ifStatement(remaining: Int, depth: Int, loops: Int) {
    indent()
    write("if ", "if (")
    condition()
    write(":", ") {")
    newline()
    nested(lines: share(remaining), depth: depth, loops: loops)
    if rng.chance(40) {
      indent()
      write("elif ", "} else if (")
      condition()
      write(":", ") {")
      newline()
      nested(lines: share(remaining / 2), depth: depth, loops: loops)
    }
    if rng.chance(50) {
      out.line("else:")
      c?.line("} else {")
      nested(lines: share(remaining / 2), depth: depth, loops: loops)
    }
    cLine("}")
  }

  mutating func forStatement(remaining: Int, depth: Int, loops: Int) {
    counter += 1
    let name = "i\(counter)"
    indent()
    out.write("for ")
    out.write(name)
    out.write(" in range(")
    c?.write("for (int64_t \(name) = ")
    if rng.chance(30) {
      let start = rng.within(-2...1)
      out.write(int: start)
      out.write(", ")
      c?.write(int: start)
    } else {
      c?.write("0")
    }
    c?.write("; \(name) < ")
    write(int: rng.within(1...4))
    out.write("):")
    c?.write("; \(name)++) {")
    newline()
    readable.append(name)
    deeper()
    let body = share(remaining)
    if rng.chance(20) && body > 2 {
      indent()
      write("if ", "if (")
      condition()
      write(": break", ") break;")
      newline()
    }
    block(lines: body, depth: depth + 1, loops: loops + 1)
    shallower()
    cLine("}")
    readable.removeLast()
  }

  /// A `while` with a counter it always increments last (the body never uses `continue`).
  mutating func whileStatement(remaining: Int, depth: Int, loops: Int) {
    counter += 1
    let name = "w\(counter)"
    out.line("var \(name) = 0")
    c?.line("int64_t \(name) = 0;")
    indent()
    write("while ", "while (")
    write(name: name)
    write(" < ")
    write(int: rng.within(1...3))
    write(":", ") {")
    newline()
    deeper()
    readable.append(name)
    block(lines: share(remaining), depth: depth + 1, loops: loops + 1)
    readable.removeLast()
    out.line("\(name) += 1")
    c?.line("\(name) += 1;")
    shallower()
    cLine("}")
  }

  mutating func nested(lines: Int, depth: Int, loops: Int) {
    deeper()
    block(lines: lines, depth: depth + 1, loops: loops)
    shallower()
  }

  // MARK: - Expressions

  static let bitwiseOps: [StaticString] = [" + ", " - ", " * ", " ^ ", " & ", " | "]
  /// Operators with a literal right operand; the cases in `expression` pick its range by index.
  static let literalOps: [StaticString] = [" + ", " - ", " * ", " ^ ", " // ", " % ", " >> ", " << "]
  /// The C form of each operator of `bitwiseOps` and `literalOps`: a macro or function call
  /// (`prefix(left, right)`), or an infix operator (`(left op right)`, empty prefix).
  static let cBinary: [(prefix: StaticString, infix: StaticString)] = [
    ("MJ_ADD(", ", "), ("MJ_SUB(", ", "), ("MJ_MUL(", ", "), ("", " ^ "), ("", " & "), ("", " | "),
  ]
  static let cLiteral: [(prefix: StaticString, infix: StaticString)] = [
    ("MJ_ADD(", ", "), ("MJ_SUB(", ", "), ("MJ_MUL(", ", "), ("", " ^ "), ("mj_floordiv(", ", "),
    ("mj_mod(", ", "), ("", " >> "), ("MJ_SHL(", ", "),
  ]

  /// A Bool condition over readable names.
  mutating func condition() {
    switch rng.below(5) {
    case 0:
      expression(size: 2); write(" < "); expression(size: 2)
    case 1:
      c?.write("mj_mod(")
      expression(size: 2); write(" % ", ", "); write(int: rng.within(2...7))
      write(" == ", ") == "); write(int: rng.within(0...1))
    case 2:
      write("("); expression(size: 1); write(" > "); expression(size: 1); write(") and (", ") && (")
      expression(size: 1); write(" != "); write(int: rng.within(0...9)); write(")")
    case 3:
      write("("); expression(size: 1); write(" <= "); expression(size: 1); write(") or not (", ") || !(")
      expression(size: 1); write(" >= "); expression(size: 1); write(")")
    default:
      expression(size: 2); write(" >= "); expression(size: 1)
    }
  }

  /// A call to one of `callees` with two small arguments. A qualified Mojo callee
  /// (`pkg0.m3.l3_1`) is called by its last component in C, where every name is global.
  mutating func call() {
    let callee = callees[rng.below(callees.count)]
    out.write(callee)
    if c != nil { c!.write(String(callee.split(separator: ".").last!)) }
    write("(")
    expression(size: 1)
    write(", ")
    expression(size: 2)
    write(")")
  }

  /// An Int expression of about `size` operators; every operand tree contains a name, so no
  /// sub-expression is a pure literal that would be folded with unbounded precision.
  mutating func expression(size: Int) {
    if size <= 0 {
      write(name: readable[rng.below(readable.count)])
      return
    }
    switch rng.below(12) {
    case 0, 1, 2:
      // The operator is drawn after the left operand (the Mojo text fixed that order), so the
      // C text of the left operand is kept apart until the operator is known.
      out.write("(")
      let cLeft = cFragment { $0.expression(size: size / 2) }
      let op = rng.below(BodyWriter.bitwiseOps.count)
      out.write(BodyWriter.bitwiseOps[op])
      let cForm = BodyWriter.cBinary[op]
      c?.write(cForm.prefix.utf8CodeUnitCount == 0 ? "(" : cForm.prefix)
      if let cLeft { c?.append(cLeft) }
      c?.write(cForm.infix)
      expression(size: (size - 1) / 2)
      write(")")
    case 3, 4, 5:
      let op = rng.below(BodyWriter.literalOps.count)
      let cForm = BodyWriter.cLiteral[op]
      out.write("(")
      c?.write(cForm.prefix.utf8CodeUnitCount == 0 ? "(" : cForm.prefix)
      expression(size: size - 1)
      out.write(BodyWriter.literalOps[op])
      c?.write(cForm.infix)
      switch op {
      case 4, 5: write(int: rng.within(1...97))
      case 6: write(int: rng.within(0...63))
      case 7: write(int: rng.within(0...13))
      default: write(int: rng.within(0...999))
      }
      write(")")
    case 6:
      write("abs(", "mj_abs(")
      expression(size: size - 1)
      write(")")
    case 7:
      if rng.chance(50) { write("min(", "mj_min(") } else { write("max(", "mj_max(") }
      expression(size: size / 2)
      write(", ")
      expression(size: (size - 1) / 2)
      write(")")
    case 8:
      write("-", "MJ_NEG(")
      write(name: readable[rng.below(readable.count)])
      c?.write(")")
    default:
      write(name: readable[rng.below(readable.count)])
    }
  }

  /// Runs `body` with the C text going to a fresh buffer and returns that buffer's bytes (nil
  /// when no C is written); the Mojo text is written as usual.
  mutating func cFragment(_ body: (inout BodyWriter) -> Void) -> [UInt8]? {
    guard let saved = c else {
      body(&self)
      return nil
    }
    c = SourceBuffer(capacity: 64)
    c!.depth = saved.depth
    body(&self)
    let fragment = c!.bytes
    c = saved
    return fragment
  }
}
