//! The IR's value types. Deliberately few: everything richer (strings, lists, structs) is a
//! pointer to memory whose layout the lowering decided.

/// The type of an IR value or constant.
public enum IRType: UInt8, Sendable, CaseIterable, CustomStringConvertible {
  /// No value: the result type of instructions and functions that produce nothing.
  case void
  /// A truth value, 0 or 1. Passed to and returned from functions like any other value.
  case i1
  /// A 64-bit two's complement integer; arithmetic wraps.
  case i64
  /// An IEEE-754 binary64 number.
  case f64
  /// A 64-bit address.
  case ptr

  public var description: String {
    switch self {
    case .void: "void"
    case .i1: "i1"
    case .i64: "i64"
    case .f64: "f64"
    case .ptr: "ptr"
    }
  }
}
