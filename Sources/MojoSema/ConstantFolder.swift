//! Folds literal expressions at compile time (LANGUAGE.md §6): integer, float, bool and string
//! literals, untyped `comptime` names, and the operators between them.
import MojoSyntax

/// Evaluates constant expressions of one module; `fold` returns nil for anything that is not a
/// literal expression.
struct ConstantFolder {
  let program: Program
  let module: Int
  var tree: SyntaxTree { program.modules[module].tree }

  init(program: Program, module: Int) {
    self.program = program
    self.module = module
  }

  /// The value of `id` if it is a literal expression.
  mutating func fold(_ id: ExprID) -> ConstantValue? {
    let e = tree.expr(id)
    switch e.kind {
    case .intLiteral: return .int(ConstantFolder.parseInt(tree.intLiterals[Int(e.a)]))
    case .floatLiteral: return Double(tree.floatLiterals[Int(e.a)]).map { .float($0) }
    case .stringLiteral: return .string(tree.strings[Int(e.a)])
    case .boolLiteral: return .bool(e.a != 0)
    case .name:
      guard case .comptime(let m, let i) = program.symbols[module][tree.name(NameID(Int(e.a)))],
            i < program.comptimeValues[m].count, let c = program.comptimeValues[m][i],
            c.type.isLiteral || c.type == .bool else { return nil }  // typed constants are values, not literals
      return c.value
    case .unary:
      guard let v = fold(ExprID(Int(e.a))) else { return nil }
      return ConstantFolder.unary(e.op, v)
    case .binary:
      guard let l = fold(ExprID(Int(e.a))), let r = fold(ExprID(Int(e.b))) else { return nil }
      return ConstantFolder.binary(e.op, l, r)
    default:
      return nil
    }
  }

  /// Parses an integer literal's text (decimal, `0x`, `0o`, `0b`), reduced modulo 2^64.
  static func parseInt(_ text: String) -> Int64 {
    var bytes = Array(text.utf8)
    var radix: UInt64 = 10
    if bytes.count > 2 && bytes[0] == UInt8(ascii: "0") {
      switch bytes[1] | 0x20 {
      case UInt8(ascii: "x"): radix = 16
      case UInt8(ascii: "o"): radix = 8
      case UInt8(ascii: "b"): radix = 2
      default: break
      }
      if radix != 10 { bytes.removeFirst(2) }
    }
    var value: UInt64 = 0
    for b in bytes {
      let d: UInt64 = b <= UInt8(ascii: "9") ? UInt64(b - 0x30) : UInt64((b | 0x20) - 0x61 + 10)
      value = value &* radix &+ d
    }
    return Int64(bitPattern: value)
  }

  static func unary(_ op: Operator, _ v: ConstantValue) -> ConstantValue? {
    switch (op, v) {
    case (.negate, .int(let x)): return .int(0 &- x)
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
    case (.int(let a), .float(let b)): return floatBinary(op, Double(a), b)
    case (.float(let a), .int(let b)):
      if op == .pow { return .float(IntegerSemantics.floatPower(a, b)) }
      return floatBinary(op, a, Double(b))
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

  static func intBinary(_ op: Operator, _ a: Int64, _ b: Int64) -> ConstantValue? {
    switch op {
    case .add: return .int(a &+ b)
    case .sub: return .int(a &- b)
    case .mul: return .int(a &* b)
    case .div: return b == 0 ? .float(.nan) : .float(Double(a) / Double(b))
    case .floorDiv: return .int(IntegerSemantics.floorDiv(a, b))
    case .mod: return .int(IntegerSemantics.floorMod(a, b))
    case .pow: return .int(IntegerSemantics.power(a, b))
    case .shl: return .int(b >= 64 || b < 0 ? 0 : a << b)
    case .shr: return .int(b >= 64 || b < 0 ? (a < 0 ? -1 : 0) : a >> b)
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

  static func floatBinary(_ op: Operator, _ a: Double, _ b: Double) -> ConstantValue? {
    switch op {
    case .add: return .float(a + b)
    case .sub: return .float(a - b)
    case .mul: return .float(a * b)
    case .div: return b == 0 ? .float(.nan) : .float(a / b)
    case .floorDiv: return b == 0 ? .float(.nan) : .float((a / b).rounded(.down))
    case .mod: return b == 0 ? .float(.nan) : .float(a - b * (a / b).rounded(.down))
    case .less: return .bool(a < b)
    case .greater: return .bool(a > b)
    case .lessEqual: return .bool(a <= b)
    case .greaterEqual: return .bool(a >= b)
    case .equal: return .bool(a == b)
    case .notEqual: return .bool(a != b)
    default: return nil
    }
  }
}

/// The run-time integer rules of LANGUAGE.md §7.1, used when folding.
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
