//! Mojo's sized numeric scalar types beyond `Int` and `Float64` (issue 13 item 6): `Int8` to
//! `Int64`, `UInt8` to `UInt64`, `UInt`, `Float16` and `Float32`. Each is its own type: none mixes
//! with another (or with `Int`, `Float64`) without an explicit conversion, as in Mojo 1.2.
//! `Codepoint` (a Unicode scalar value) is held as a `UInt32` but prints and converts to `String`
//! as its character, compares, and has no arithmetic.

/// A sized integer or float type.
public enum NumericType: UInt8, Hashable, Sendable, CaseIterable {
  case int8, int16, int32, int64, uint8, uint16, uint32, uint64, uint, float16, float32, codepoint

  /// The type's name in source and in messages.
  public var name: String {
    switch self {
    case .int8: "Int8"
    case .int16: "Int16"
    case .int32: "Int32"
    case .int64: "Int64"
    case .uint8: "UInt8"
    case .uint16: "UInt16"
    case .uint32: "UInt32"
    case .uint64: "UInt64"
    case .uint: "UInt"
    case .float16: "Float16"
    case .float32: "Float32"
    case .codepoint: "Codepoint"
    }
  }

  /// The type a name spells, if it is one of these.
  public init?(name: String) {
    switch name {
    case "Int8": self = .int8
    case "Int16": self = .int16
    case "Int32": self = .int32
    case "Int64": self = .int64
    case "UInt8": self = .uint8
    case "UInt16": self = .uint16
    case "UInt32": self = .uint32
    case "UInt64": self = .uint64
    case "UInt": self = .uint
    case "Float16": self = .float16
    case "Float32": self = .float32
    case "Codepoint": self = .codepoint
    default: return nil
    }
  }

  /// True for `Float16` and `Float32`.
  public var isFloat: Bool { self == .float16 || self == .float32 }

  /// True for the unsigned integer types.
  public var isUnsigned: Bool {
    switch self {
    case .uint8, .uint16, .uint32, .uint64, .uint, .codepoint: true
    default: false
    }
  }

  /// The width in bits of an integer type narrower than 64 bits, else nil: its IR value (an
  /// `i64`) is kept sign-extended (signed) or zero-extended (unsigned) from this width.
  public var narrowWidth: Int? {
    switch self {
    case .int8, .uint8: 8
    case .int16, .uint16: 16
    case .int32, .uint32, .codepoint: 32
    default: nil
    }
  }

  /// True for `UInt64` and `UInt`: 64-bit patterns read as unsigned (division, comparison,
  /// shifts, conversions and printing differ from `Int`).
  public var isWideUnsigned: Bool { self == .uint64 || self == .uint }

  /// `value` reduced to this integer type's range (wrapping), as its IR value holds it.
  public func wrap(_ value: Int64) -> Int64 {
    switch self {
    case .int8: Int64(Int8(truncatingIfNeeded: value))
    case .int16: Int64(Int16(truncatingIfNeeded: value))
    case .int32: Int64(Int32(truncatingIfNeeded: value))
    case .uint8: Int64(UInt8(truncatingIfNeeded: value))
    case .uint16: Int64(UInt16(truncatingIfNeeded: value))
    case .uint32, .codepoint: Int64(UInt32(truncatingIfNeeded: value))
    default: value
    }
  }
}
