//! Integer function bodies for every shape: expressions, assignments, `if`/`elif`/`else`,
//! bounded `for` and `while` loops, and calls to helper functions. Everything it writes is
//! defined identically by both backends and by Mojo 1.2: divisors and moduli are non-zero
//! literals, shift counts are literals in 0...63, loops run a bounded number of times, callees
//! never call back (no deep recursion), and wrap-around on overflow is allowed by §7.1.

/// Writes integer statements and expressions into a `SourceBuffer`.
struct BodyWriter {
  var out: SourceBuffer
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

  init(out: SourceBuffer, rng: SplitMix64) {
    self.out = out
    self.rng = rng
  }

  // MARK: - Functions

  /// Writes `def name(a: Int, b: Int) -> Int:` with about `lines` lines of body, and returns
  /// a checksum of its locals.
  mutating func intFunction(name: String, lines: Int) {
    out.indent()
    out.write("def ")
    out.write(name)
    out.write("(a: Int, b: Int) -> Int:")
    out.newline()
    out.depth += 1
    readable = ["a", "b"]
    mutable = []
    counter = 0
    for k in 0..<4 {
      let local = "x\(k)"
      out.indent()
      out.write("var ")
      out.write(local)
      out.write(" = ")
      expression(size: 2)
      out.newline()
      readable.append(local)
      mutable.append(local)
    }
    block(lines: max(1, lines - 6), depth: 1, loops: 0)
    out.indent()
    out.write("return (x0 ^ x1) + x2 * 31 + x3")
    out.newline()
    out.depth -= 1
    out.newline()
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
      out.indent()
      out.write(mutable[rng.below(mutable.count)])
      out.write(" += ")
      call()
      out.newline()
    } else {
      assignment()
    }
  }

  /// `x = e`, or an augmented assignment with a safe operator.
  mutating func assignment() {
    out.indent()
    out.write(mutable[rng.below(mutable.count)])
    switch rng.below(8) {
    case 0: out.write(" += "); expression(size: 3)
    case 1: out.write(" -= "); expression(size: 2)
    case 2: out.write(" ^= "); expression(size: 3)
    case 3: out.write(" //= "); out.write(int: rng.within(2...9))
    case 4: out.write(" %= "); out.write(int: rng.within(1_000...1_000_000))
    default: out.write(" = "); expression(size: 4)
    }
    out.newline()
  }

  /// The body share of a compound statement.
  mutating func share(_ remaining: Int) -> Int { rng.within(1...max(1, min(remaining / 2, 24))) }

  mutating func ifStatement(remaining: Int, depth: Int, loops: Int) {
    out.indent()
    out.write("if ")
    condition()
    out.write(":")
    out.newline()
    nested(lines: share(remaining), depth: depth, loops: loops)
    if rng.chance(40) {
      out.indent()
      out.write("elif ")
      condition()
      out.write(":")
      out.newline()
      nested(lines: share(remaining / 2), depth: depth, loops: loops)
    }
    if rng.chance(50) {
      out.line("else:")
      nested(lines: share(remaining / 2), depth: depth, loops: loops)
    }
  }

  mutating func forStatement(remaining: Int, depth: Int, loops: Int) {
    counter += 1
    let name = "i\(counter)"
    out.indent()
    out.write("for ")
    out.write(name)
    out.write(" in range(")
    if rng.chance(30) {
      out.write(int: rng.within(-2...1))
      out.write(", ")
    }
    out.write(int: rng.within(1...4))
    out.write("):")
    out.newline()
    readable.append(name)
    out.depth += 1
    let body = share(remaining)
    if rng.chance(20) && body > 2 {
      out.indent()
      out.write("if ")
      condition()
      out.write(": break")
      out.newline()
    }
    block(lines: body, depth: depth + 1, loops: loops + 1)
    out.depth -= 1
    readable.removeLast()
  }

  /// A `while` with a counter it always increments last (the body never uses `continue`).
  mutating func whileStatement(remaining: Int, depth: Int, loops: Int) {
    counter += 1
    let name = "w\(counter)"
    out.line("var \(name) = 0")
    out.indent()
    out.write("while ")
    out.write(name)
    out.write(" < ")
    out.write(int: rng.within(1...3))
    out.write(":")
    out.newline()
    out.depth += 1
    readable.append(name)
    block(lines: share(remaining), depth: depth + 1, loops: loops + 1)
    readable.removeLast()
    out.line("\(name) += 1")
    out.depth -= 1
  }

  mutating func nested(lines: Int, depth: Int, loops: Int) {
    out.depth += 1
    block(lines: lines, depth: depth + 1, loops: loops)
    out.depth -= 1
  }

  // MARK: - Expressions

  static let bitwiseOps: [StaticString] = [" + ", " - ", " * ", " ^ ", " & ", " | "]
  /// Operators with a literal right operand; the cases in `expression` pick its range by index.
  static let literalOps: [StaticString] = [" + ", " - ", " * ", " ^ ", " // ", " % ", " >> ", " << "]

  /// A Bool condition over readable names.
  mutating func condition() {
    switch rng.below(5) {
    case 0:
      expression(size: 2); out.write(" < "); expression(size: 2)
    case 1:
      expression(size: 2); out.write(" % "); out.write(int: rng.within(2...7))
      out.write(" == "); out.write(int: rng.within(0...1))
    case 2:
      out.write("("); expression(size: 1); out.write(" > "); expression(size: 1); out.write(") and (")
      expression(size: 1); out.write(" != "); out.write(int: rng.within(0...9)); out.write(")")
    case 3:
      out.write("("); expression(size: 1); out.write(" <= "); expression(size: 1); out.write(") or not (")
      expression(size: 1); out.write(" >= "); expression(size: 1); out.write(")")
    default:
      expression(size: 2); out.write(" >= "); expression(size: 1)
    }
  }

  /// A call to one of `callees` with two small arguments.
  mutating func call() {
    out.write(callees[rng.below(callees.count)])
    out.write("(")
    expression(size: 1)
    out.write(", ")
    expression(size: 2)
    out.write(")")
  }

  /// An Int expression of about `size` operators; every operand tree contains a name, so no
  /// sub-expression is a pure literal that would be folded with unbounded precision.
  mutating func expression(size: Int) {
    if size <= 0 {
      out.write(readable[rng.below(readable.count)])
      return
    }
    switch rng.below(12) {
    case 0, 1, 2:
      out.write("(")
      expression(size: size / 2)
      out.write(BodyWriter.bitwiseOps[rng.below(BodyWriter.bitwiseOps.count)])
      expression(size: (size - 1) / 2)
      out.write(")")
    case 3, 4, 5:
      let op = rng.below(BodyWriter.literalOps.count)
      out.write("(")
      expression(size: size - 1)
      out.write(BodyWriter.literalOps[op])
      switch op {
      case 4, 5: out.write(int: rng.within(1...97))
      case 6: out.write(int: rng.within(0...63))
      case 7: out.write(int: rng.within(0...13))
      default: out.write(int: rng.within(0...999))
      }
      out.write(")")
    case 6:
      out.write("abs(")
      expression(size: size - 1)
      out.write(")")
    case 7:
      out.write(rng.chance(50) ? "min(" : "max(")
      expression(size: size / 2)
      out.write(", ")
      expression(size: (size - 1) / 2)
      out.write(")")
    case 8:
      out.write("-")
      out.write(readable[rng.below(readable.count)])
    default:
      out.write(readable[rng.below(readable.count)])
    }
  }
}
