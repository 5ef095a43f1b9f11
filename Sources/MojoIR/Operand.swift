//! Instruction operands: a value or an immediate constant. The kind is explicit so that a
//! copy-and-patch backend can choose a stencil variant per operand without analysis.

/// One input of an instruction.
public enum Operand: Hashable, Sendable, CustomStringConvertible {
  /// A virtual register of the enclosing function.
  case value(ValueID)
  /// An integer immediate, used for `i64` operands and for `i1` operands (0 or 1).
  case int(Int64)
  /// A binary64 immediate, kept as its bit pattern so that `-0.0` and NaN payloads survive.
  case float(bits: UInt64)

  /// Makes a float immediate from a Double.
  public static func float(_ value: Double) -> Operand { .float(bits: value.bitPattern) }

  /// The value ID if this operand is a register.
  public var valueID: ValueID? {
    if case .value(let v) = self { return v }
    return nil
  }

  public var description: String {
    switch self {
    case .value(let v): return v.description
    case .int(let i): return String(i)
    case .float(let bits): return FloatText.format(bits: bits)
    }
  }
}

/// Text form of float immediates: an exact hexadecimal bit pattern, so that printing and reading
/// IR never rounds.
public enum FloatText {
  /// Formats a float immediate as `0f` followed by 16 hex digits of its bit pattern.
  public static func format(bits: UInt64) -> String {
    let hex = String(bits, radix: 16)
    return "0f" + String(repeating: "0", count: 16 - hex.count) + hex
  }
}
