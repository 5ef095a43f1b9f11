//! What each arithmetic, comparison and conversion opcode computes: the reference the backends
//! are checked against (file tests, `Tests/MojoInterpreterTests/filetests`). Every opcode is
//! total (`MojoIR/Opcode.swift`): division by zero is the only trap.
import MojoHostedRuntime
import MojoIR

extension Program {
  /// The result bits of a unary or binary opcode applied to operand bits `a` and `b` (`b` is
  /// ignored by unary opcodes).
  @inline(__always)
  static func evaluate(_ opcode: Opcode, _ a: UInt64, _ b: UInt64) -> UInt64 {
    let x = Int64(bitPattern: a), y = Int64(bitPattern: b)
    let p = Double(bitPattern: a), q = Double(bitPattern: b)
    switch opcode {
    case .iadd: return UInt64(bitPattern: x &+ y)
    case .isub: return UInt64(bitPattern: x &- y)
    case .imul: return UInt64(bitPattern: x &* y)
    case .idiv:
      if y == 0 { mojo_rt_trap_div_zero() }
      return UInt64(bitPattern: y == -1 ? 0 &- x : x / y)
    case .ifloordiv: return UInt64(bitPattern: floorDivide(x, y))
    case .imod:
      if y == 0 || y == -1 { return 0 }
      let r = x % y
      return UInt64(bitPattern: r != 0 && (r < 0) != (y < 0) ? r + y : r)
    case .ineg: return UInt64(bitPattern: 0 &- x)
    case .iand: return a & b
    case .ior: return a | b
    case .ixor: return a ^ b
    case .inot: return ~a
    case .ishl: return a &<< (b & 63)
    case .ishr: return UInt64(bitPattern: x &>> (y & 63))
    case .ieq: return x == y ? 1 : 0
    case .ine: return x != y ? 1 : 0
    case .ilt: return x < y ? 1 : 0
    case .ile: return x <= y ? 1 : 0
    case .igt: return x > y ? 1 : 0
    case .ige: return x >= y ? 1 : 0
    case .udiv: return b == 0 ? 0 : a / b
    case .umod: return b == 0 ? 0 : a % b
    case .ushr: return a &>> (b & 63)
    case .fadd: return (p + q).bitPattern
    case .fsub: return (p - q).bitPattern
    case .fmul: return (p * q).bitPattern
    case .fdiv: return (p / q).bitPattern
    case .fneg: return (-p).bitPattern
    case .fsqrt: return p.squareRoot().bitPattern
    case .fround32: return Double(Float(p)).bitPattern
    case .feq: return p == q ? 1 : 0
    case .fne: return p != q ? 1 : 0
    case .flt: return p < q ? 1 : 0
    case .fle: return p <= q ? 1 : 0
    case .fgt: return p > q ? 1 : 0
    case .fge: return p >= q ? 1 : 0
    case .bnot: return (a ^ 1) & 1
    case .band: return a & b & 1
    case .bor: return (a | b) & 1
    case .bxor: return (a ^ b) & 1
    case .zext: return a & 1
    case .sitofp: return Double(x).bitPattern
    case .fptosi: return UInt64(bitPattern: truncateSaturating(p))
    case .copy, .load, .store, .addr, .call, .br, .condbr, .ret, .unreachable:
      preconditionFailure("\(opcode.name) is not an arithmetic opcode")
    }
  }

  /// `x // y` rounded toward negative infinity; 0 for a divisor of 0, `MIN // -1` is `MIN`.
  static func floorDivide(_ x: Int64, _ y: Int64) -> Int64 {
    if y == 0 { return 0 }
    if y == -1 { return 0 &- x }
    let q = x / y
    return (x % y != 0) && ((x < 0) != (y < 0)) ? q - 1 : q
  }

  /// `d` truncated toward zero, saturated at the `Int64` limits; 0 for NaN.
  static func truncateSaturating(_ d: Double) -> Int64 {
    if d.isNaN { return 0 }
    if d >= 9_223_372_036_854_775_808.0 { return Int64.max }
    if d < -9_223_372_036_854_775_808.0 { return Int64.min }
    return Int64(d.rounded(.towardZero))
  }
}
