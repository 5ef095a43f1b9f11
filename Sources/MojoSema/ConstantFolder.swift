//! Folds literal expressions at compile time, exactly (LANGUAGE.md §6.1): IntLiterals are
//! arbitrary-precision integers (`BigInt`), FloatLiterals exact rationals (`ExactFloat`), and
//! comparisons between literals are exact. Untyped `comptime` names fold to their values.
import MojoSyntax

/// Evaluates constant expressions of one module; `fold` returns nil for anything that is not a
/// literal expression (or whose exact value would be too large to keep). A class made once per
/// checker, so that folding does not copy the program and the tree each time; the local scopes
/// in force are an argument of each fold.
final class ConstantFolder {
  let program: Program
  let module: Int
  let tree: SyntaxTree
  /// The module-level symbol of each `NameID` of `tree`, when the caller has that table.
  let globals: [Symbol?]?
  /// Where the last fold stopped because an exact value would pass `BigInt.maximumFoldedBits`
  /// (a literal with too many digits, or `**`, `<<` or `*` of literals): such an expression is
  /// an error, never left to run-time `Int` arithmetic, which would give a wrong value. The
  /// caller clears it before a fold and reads it when the fold gives nil.
  var tooLargeAt: UInt32?

  init(program: Program, module: Int, tree: SyntaxTree? = nil, globals: [Symbol?]? = nil) {
    self.program = program
    self.module = module
    self.tree = tree ?? program.modules[module].tree
    self.globals = globals
  }

  /// The module-level symbol of `name`.
  func global(_ name: NameID) -> Symbol? {
    if let globals { return globals[Int(name.index)] }
    return program.symbols[module][tree.name(name)]
  }

  /// The value of `id` if it is a literal expression; `scopes` are the local scopes in force (a
  /// local name hides a module-level one).
  func fold(_ id: ExprID, in scopes: LocalScopes = LocalScopes(nameCount: 0)) -> ConstantValue? {
    let e = tree.expr(id)
    switch e.kind {
    case .intLiteral:
      let text = tree.intLiteralText(e)
      if let value = BigInt.shortDecimal(text) { return .int(BigInt(value)) }
      guard BigInt.literalBits(text) <= BigInt.maximumFoldedBits else { return tooLarge(e.offset) }
      return BigInt(literal: text).map { .int($0) }
    case .floatLiteral:
      let text = tree.floatLiteralText(e)
      guard ExactFloat.literalBits(text) <= BigInt.maximumFoldedBits else { return tooLarge(e.offset) }
      return ExactFloat(literal: text).map { .float($0) }
    case .stringLiteral: return .string(tree.stringLiteralBytes(e))
    case .boolLiteral: return .bool(tree.boolLiteralValue(e))
    case .name: return foldName(tree.nameReference(e), scopes)
    case .unary:
      guard let v = fold(tree.operand(e), in: scopes) else { return nil }
      return ConstantFolder.unary(e.op, v)
    case .binary:
      if tree.isChain(id) { return foldSpine(tree.leftSpine(of: id)[...], in: scopes).value }
      let b = tree.binary(e)
      guard let l = fold(b.left, in: scopes), let r = fold(b.right, in: scopes) else { return nil }
      let value = ConstantFolder.binary(e.op, l, r)
      if value == nil, ConstantFolder.growsPastLimit(e.op, l, r) { return tooLarge(e.offset) }
      return value
    case .comparison:
      // `a < b < c` is `a < b and b < c`; every operand must fold.
      let (operands, operators) = tree.comparison(e)
      var values: [ConstantValue] = []
      for operand in operands {
        guard let v = fold(operand, in: scopes) else { return nil }
        values.append(v)
      }
      var all = true
      for k in 1..<values.count {
        guard case .bool(let holds)? = ConstantFolder.binary(operators[operators.startIndex + k - 1], values[k - 1], values[k])
        else { return nil }
        all = all && holds
      }
      return .bool(all)
    default:
      return nil
    }
  }

  /// Folds the flat chain `spine` (binary nodes, innermost first, as `SyntaxTree.leftSpine`
  /// lists them) in a loop: the outermost node's value, and how many nodes from the innermost
  /// folded before one did not (all of them when the value is not nil).
  func foldSpine(_ spine: ArraySlice<ExprID>, in scopes: LocalScopes) -> (value: ConstantValue?, folded: Int) {
    guard let first = spine.first, var value = fold(tree.binary(tree.expr(first)).left, in: scopes) else { return (nil, 0) }
    for (k, node) in spine.enumerated() {
      let e = tree.expr(node), b = tree.binary(e)
      guard let r = fold(b.right, in: scopes) else { return (nil, k) }
      guard let v = ConstantFolder.binary(b.op, value, r) else {
        if ConstantFolder.growsPastLimit(b.op, value, r) { _ = tooLarge(e.offset) }
        return (nil, k)
      }
      value = v
    }
    return (value, spine.count)
  }

  private func tooLarge(_ offset: UInt32) -> ConstantValue? {
    if tooLargeAt == nil { tooLargeAt = offset }
    return nil
  }

  /// True when `binary(op, l, r)` gave nil only because its exact value would be too large:
  /// `**` or `<<` with a non-negative exponent or count (the cases with a small result fold),
  /// a product of literals, a float literal to a power.
  static func growsPastLimit(_ op: Operator, _ l: ConstantValue, _ r: ConstantValue) -> Bool {
    switch (op, l, r) {
    case (.pow, .int, .int(let b)), (.shl, .int, .int(let b)): return !b.isNegative
    case (.mul, .int, .int), (.pow, .float, .int): return true
    default: return false
    }
  }

  /// A name's literal value: a local `comptime` constant, or an untyped module-level one.
  /// Local variables and typed constants are values, not literals.
  private func foldName(_ name: NameID, _ scopes: LocalScopes) -> ConstantValue? {
    if let binding = scopes.lookup(name) {
      guard case .constant(let value, let type) = binding, type.isLiteral || type == .bool else { return nil }
      return value
    }
    guard case .comptime(let m, let i) = global(name),
          i < program.comptimeValues[m].count, let c = program.comptimeValues[m][i],
          c.type.isLiteral || c.type == .bool else { return nil }
    return c.value
  }

  static func unary(_ op: Operator, _ v: ConstantValue) -> ConstantValue? {
    switch (op, v) {
    case (.negate, .int(let x)): return .int(-x)
    case (.negate, .float(let x)): return .float(-x)
    case (.plus, .int), (.plus, .float): return v
    case (.invert, .int(let x)): return .int(~x)
    case (.not, .bool(let b)): return .bool(!b)
    case (.invert, .bool(let b)): return .bool(!b)
    default: return nil
    }
  }

  static func binary(_ op: Operator, _ l: ConstantValue, _ r: ConstantValue) -> ConstantValue? {
    switch (l, r) {
    case (.int(let a), .int(let b)): return intBinary(op, a, b)
    case (.float(let a), .float(let b)): return floatBinary(op, a, b)
    case (.int(let a), .float(let b)):
      // IntLiteral ** FloatLiteral is [v2]: not folded, so the checker reports it.
      return op == .pow ? nil : floatBinary(op, ExactFloat(a), b)
    case (.float(let a), .int(let b)):
      if op == .pow { return ExactFloat.power(a, b).map { .float($0) } }
      return floatBinary(op, a, ExactFloat(b))
    case (.bool(let a), .bool(let b)):
      switch op {
      case .and, .bitAnd: return .bool(a && b)
      case .or, .bitOr: return .bool(a || b)
      case .bitXor, .notEqual: return .bool(a != b)
      case .equal: return .bool(a == b)
      default: return nil
      }
    case (.string(let a), .string(let b)):
      switch op {
      case .add: return .string(a + b)
      case .equal: return .bool(a == b)
      case .notEqual: return .bool(a != b)
      case .less: return .bool(a.lexicographicallyPrecedes(b))
      case .greater: return .bool(b.lexicographicallyPrecedes(a))
      case .lessEqual: return .bool(!b.lexicographicallyPrecedes(a))
      case .greaterEqual: return .bool(!a.lexicographicallyPrecedes(b))
      default: return nil
      }
    default: return nil
    }
  }

  /// IntLiteral op IntLiteral: exact, except that `/` gives a FloatLiteral.
  static func intBinary(_ op: Operator, _ a: BigInt, _ b: BigInt) -> ConstantValue? {
    switch op {
    case .add: return .int(a + b)
    case .sub: return .int(a - b)
    case .mul:
      // The product's width is at most the sum of the widths: refuse before computing it.
      if a.magnitudeBitWidth + b.magnitudeBitWidth > BigInt.maximumFoldedBits + 1 { return nil }
      return .int(a * b)
    case .div: return .float(ExactFloat(a) / ExactFloat(b))
    case .floorDiv: return .int(b.isZero ? 0 : a.flooredDivision(b).quotient)
    case .mod: return .int(b.isZero ? 0 : a.flooredDivision(b).remainder)
    case .pow:
      // A negative exponent follows the Int rule (§7.1): 1, ±1 for -1, else 0.
      if a.isZero || a == 1 { return .int(b.isZero ? 1 : a) }
      if a == -1 { return .int(b.isOdd ? -1 : 1) }
      if b.isNegative { return .int(0) }
      guard let n = b.exactInt else { return nil }
      return a.power(n).map { .int($0) }
    case .shl:
      guard !b.isNegative, let n = b.exactInt else { return a.isZero && !b.isNegative ? .int(0) : nil }
      return a.shiftedLeft(n).map { .int($0) }
    case .shr:
      guard !b.isNegative else { return nil }
      return .int(a.shiftedRight(b.exactInt ?? Int.max))
    case .bitAnd: return .int(a & b)
    case .bitOr: return .int(a | b)
    case .bitXor: return .int(a ^ b)
    case .less: return .bool(a < b)
    case .greater: return .bool(a > b)
    case .lessEqual: return .bool(a <= b)
    case .greaterEqual: return .bool(a >= b)
    case .equal: return .bool(a == b)
    case .notEqual: return .bool(a != b)
    default: return nil
    }
  }

  /// Arithmetic with a FloatLiteral: exact rationals; NaN compares false except with `!=`.
  static func floatBinary(_ op: Operator, _ a: ExactFloat, _ b: ExactFloat) -> ConstantValue? {
    switch op {
    case .add: return .float(a + b)
    case .sub: return .float(a - b)
    case .mul: return .float(a * b)
    case .div: return .float(a / b)
    case .floorDiv: return .float(ExactFloat.floorDivide(a, b))
    case .mod: return .float(ExactFloat.modulo(a, b))
    case .less, .greater, .lessEqual, .greaterEqual, .equal, .notEqual:
      guard let c = ExactFloat.compare(a, b) else { return .bool(op == .notEqual) }
      switch op {
      case .less: return .bool(c < 0)
      case .greater: return .bool(c > 0)
      case .lessEqual: return .bool(c <= 0)
      case .greaterEqual: return .bool(c >= 0)
      case .equal: return .bool(c == 0)
      default: return .bool(c != 0)
      }
    default: return nil  // `**` between FloatLiterals is [v2]; bit operations need integers
    }
  }
}

/// The run-time integer rules of LANGUAGE.md §7.1 on 64-bit values, for folding that must
/// match what the generated code computes.
enum IntegerSemantics {
  static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
    if b == 0 { return 0 }
    if b == -1 { return 0 &- a }
    let q = a / b
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q
  }

  static func floorMod(_ a: Int64, _ b: Int64) -> Int64 {
    if b == 0 || b == -1 { return 0 }
    let r = a % b
    return (r != 0 && ((r < 0) != (b < 0))) ? r + b : r
  }

  static func power(_ base: Int64, _ exponent: Int64) -> Int64 {
    if exponent < 0 {
      if base == 1 { return 1 }
      if base == -1 { return exponent & 1 == 0 ? 1 : -1 }
      return 0
    }
    var result: Int64 = 1
    var x = base
    var n = exponent
    while n > 0 {
      if n & 1 == 1 { result = result &* x }
      x = x &* x
      n >>= 1
    }
    return result
  }

  static func floatPower(_ a: Double, _ n: Int64) -> Double {
    var m = n.magnitude
    var r = 1.0
    var x = a
    while m > 0 {
      if m & 1 == 1 { r = r * x }
      x = x * x
      m >>= 1
    }
    return n >= 0 ? r : 1.0 / r
  }
}
