//! The types of the checked language: the core types of LANGUAGE.md §4 and the compile-time
//! literal types of §6.

/// A type as the checker sees it.
public indirect enum SemaType: Hashable, Sendable, CustomStringConvertible {
  case int, float64, bool, string
  /// A list of elements of the given type.
  case list(SemaType)
  /// A user struct: its module and index in that module's `SyntaxTree.structs`.
  case structType(module: Int, index: Int)
  /// Compile-time literal types (§6); they become `Int`, `Float64` or `String` when used.
  case intLiteral, floatLiteral, stringLiteral
  /// The result of a function without `->`.
  case none
  /// A module bound by `import`, usable only before `.`.
  case module(Int)
  /// A struct type used as a value (`Point(1, 2)`, `Point.origin()`).
  case typeValue(SemaType)
  /// Already diagnosed; suppresses follow-up errors.
  case error

  /// The name the reference compiler prints in messages.
  public var description: String {
    switch self {
    case .int: "Int"
    case .float64: "Float64"
    case .bool: "Bool"
    case .string: "String"
    case .list(let e): "List[\(e)]"
    case .structType: "struct"
    case .intLiteral: "IntLiteral"
    case .floatLiteral: "FloatLiteral"
    case .stringLiteral: "StringLiteral"
    case .none: "None"
    case .module: "module"
    case .typeValue(let t): "type \(t)"
    case .error: "<error>"
    }
  }

  /// True for the literal types that still need materializing.
  public var isLiteral: Bool {
    switch self {
    case .intLiteral, .floatLiteral, .stringLiteral: true
    default: false
    }
  }

  /// The type a literal becomes when nothing else decides (`var x = 1` is an `Int`).
  public var materialized: SemaType {
    switch self {
    case .intLiteral: .int
    case .floatLiteral: .float64
    case .stringLiteral: .string
    default: self
    }
  }
}

/// A value known at compile time: the folded result of a literal expression.
public enum ConstantValue: Sendable, Equatable {
  /// An integer literal value. v1 keeps 64-bit two's complement (exact big-integer folding is a
  /// later step; results agree modulo 2^64 for + - * and the bit operations).
  case int(Int64)
  case float(Double)
  case bool(Bool)
  case string([UInt8])

  /// The literal type of this constant.
  public var type: SemaType {
    switch self {
    case .int: .intLiteral
    case .float: .floatLiteral
    case .bool: .bool
    case .string: .stringLiteral
    }
  }
}
