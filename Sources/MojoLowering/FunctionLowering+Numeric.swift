//! The sized numeric types (MojoSema/NumericType.swift) on the IR's two value types. An integer
//! type is an `i64` kept sign-extended (`Int8`, `Int16`, `Int32`) or zero-extended (`UInt8`,
//! `UInt16`, `UInt32`) from its width: `i64` arithmetic on such values followed by a reduction to
//! the width (`ishl`/`ishr` or `iand`) is exactly Mojo's wrapping arithmetic, and signed `i64`
//! comparisons, `imod`, `iand`/`ior`/`ixor` and `ishr` need no reduction. `Int64` is `Int`'s
//! `i64`; `UInt64` and `UInt` use the unsigned opcodes (`udiv`, `umod`, `ushr`) and compare with
//! the sign bit flipped. `Float32` is an `f64` rounded by `fround32` after every operation (exact
//! for `+ - * /`), `Float16` likewise through the runtime.
import MojoIR
import MojoSema
import MojoSyntax

extension FunctionLowering {
  /// An `i64` result of wrapping arithmetic reduced to `n`'s width.
  mutating func wrapped(_ value: Operand, _ n: NumericType) -> Operand {
    guard let width = n.narrowWidth else { return value }
    if case .int(let x) = value { return .int(n.wrap(x)) }
    if n.isUnsigned { return .value(builder.op(.iand, value, .int((1 << Int64(width)) - 1))) }
    let up = builder.op(.ishl, value, .int(Int64(64 - width)))
    return .value(builder.op(.ishr, .value(up), .int(Int64(64 - width))))
  }

  /// An `f64` result rounded to the float type `n` (unchanged for other types).
  mutating func rounded(_ value: Operand, _ n: NumericType) -> Operand {
    if case .float(let bits) = value { return .float(ModuleLowering.rounded(Double(bitPattern: bits), n)) }
    switch n {
    case .float32: return .value(builder.op(.fround32, value))
    case .float16: return runtime(Runtime.roundFloat16, [value])
    default: return value
    }
  }

  /// `left op right` on two values of type `n` (an exponent of `**` may be an `Int`).
  mutating func lowerNumericBinary(_ op: Operator, _ left: Operand, _ right: Operand, _ n: NumericType) -> Operand {
    if n.isFloat {
      let result: Operand
      switch op {
      case .add: result = .value(builder.op(.fadd, left, right))
      case .sub: result = .value(builder.op(.fsub, left, right))
      case .mul: result = .value(builder.op(.fmul, left, right))
      case .div: result = .value(builder.op(.fdiv, left, right))
      case .floorDiv: result = runtime(Runtime.ffloordiv, [left, right])
      case .mod: result = runtime(Runtime.fmod, [left, right])
      default: return lowerBinary(op, left, .float64, right, .float64)  // comparisons
      }
      return rounded(result, n)
    }
    if n.isWideUnsigned {
      switch op {
      case .div:
        // `/` by zero is a fault as in Mojo 1.2 (`//` gives 0): `0 / right` as `idiv` traps
        // exactly when `right` is 0; its value is unused.
        if case .int(let divisor) = right, divisor != 0 {} else { _ = builder.op(.idiv, .int(0), right) }
        return .value(builder.op(.udiv, left, right))
      case .floorDiv: return .value(builder.op(.udiv, left, right))
      case .mod: return .value(builder.op(.umod, left, right))
      case .shr: return .value(builder.op(.ushr, left, right))
      case .less, .greater, .lessEqual, .greaterEqual:
        // Unsigned order is signed order with both sign bits flipped.
        return lowerBinary(op, flipSign(left), .int, flipSign(right), .int)
      default: break
      }
    }
    switch op {
    case .add, .sub, .mul, .shl, .pow:
      return wrapped(lowerBinary(op, left, .int, right, .int), n)
    case .div, .floorDiv:
      // Only `MIN / -1` leaves the width (signed); unsigned narrow values are non-negative.
      return n.isUnsigned ? lowerBinary(op, left, .int, right, .int) : wrapped(lowerBinary(op, left, .int, right, .int), n)
    case .shr where n.isUnsigned:
      return .value(builder.op(.ushr, left, right))
    default:
      return lowerBinary(op, left, .int, right, .int)
    }
  }

  private mutating func flipSign(_ value: Operand) -> Operand {
    if case .int(let x) = value { return .int(x ^ Int64.min) }
    return .value(builder.op(.ixor, value, .int(Int64.min)))
  }

  /// `-x`, `~x` of type `n`.
  mutating func lowerNumericUnary(_ op: Operator, _ operand: Operand, _ n: NumericType) -> Operand {
    switch op {
    case .negate where n.isFloat: return .value(builder.op(.fneg, operand))
    case .negate: return wrapped(.value(builder.op(.ineg, operand)), n)
    case .invert: return wrapped(.value(builder.op(.inot, operand)), n)
    case .not where n.isFloat: return .value(builder.op(.feq, operand, .float(0.0)))
    case .not: return .value(builder.op(.ieq, operand, .int(0)))
    default: return operand
    }
  }

  /// A value of type `t` (a numeric type, `Int`, `Float64` or `Bool`) as a value of type `n`.
  mutating func convertNumeric(_ value: Operand, from t: SemaType, to n: NumericType) -> Operand {
    if n.isFloat { return rounded(asFloat64(value, t), n) }
    switch t {
    case .float64, .numeric(.float32), .numeric(.float16):
      if n.isWideUnsigned { return runtime(Runtime.floatToUInt, [value]) }
      return wrapped(.value(builder.op(.fptosi, value)), n)
    case .bool: return .value(builder.op(.zext, value))
    default: return wrapped(value, n)
    }
  }

  /// A value of type `t` as a `Float64` (exact for every type but the 64-bit integers).
  mutating func asFloat64(_ value: Operand, _ t: SemaType) -> Operand {
    switch t {
    case .float64, .numeric(.float32), .numeric(.float16): return value
    case .bool: return .value(builder.op(.sitofp, .value(builder.op(.zext, value))))
    case .numeric(let n) where n.isWideUnsigned: return runtime(Runtime.uintToFloat, [value])
    default: return .value(builder.op(.sitofp, value))
    }
  }

  /// A numeric value as an `Int` (`Int(x)`): floats truncated, integers as their value or bits.
  mutating func numericAsInt(_ value: Operand, _ n: NumericType) -> Operand {
    n.isFloat ? .value(builder.op(.fptosi, value)) : value
  }
}

extension ModuleLowering {
  /// `x` rounded to float type `n` at compile time.
  static func rounded(_ x: Double, _ n: NumericType) -> Double {
    switch n {
    case .float32: Double(Float(x))
    case .float16: Double(Float16(x))
    default: x
    }
  }

  /// The runtime functions that print a value of type `n` and make its text.
  static func numericText(_ n: NumericType) -> (print: (String, [IRType], IRType), text: (String, [IRType], IRType)) {
    if n == .codepoint { return (Runtime.printCodepoint, Runtime.chr) }
    if n.isFloat { return (Runtime.printFloat32, Runtime.fromFloat32) }
    if n.isWideUnsigned { return (Runtime.printUInt, Runtime.fromUInt) }
    return (Runtime.printInt, Runtime.fromInt)
  }
}
