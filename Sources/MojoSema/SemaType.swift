//! The types of the checked language: the core types of LANGUAGE.md §4 and the compile-time
//! literal types of §6.

/// A type as the checker sees it.
public enum SemaType: Hashable, Sendable, CustomStringConvertible {
  case int, float64, bool, string
  /// `Int8`...`UInt64`, `UInt`, `Float16`, `Float32` (NumericType.swift).
  case numeric(NumericType)
  /// Mojo's `Error`: what `raise` throws and `except e` binds; it carries a message.
  case errorValue
  /// A list of elements of the given type.
  indirect case list(SemaType)
  /// `Tuple[A, B, ...]`: an immutable value of a fixed number of elements.
  indirect case tuple([SemaType])
  /// `Dict[K, V]`, `Set[T]` (keys `Int` or `String`), `Optional[T]` (of a scalar `T`).
  indirect case dict(SemaType, SemaType)
  indirect case set(SemaType)
  indirect case optional(SemaType)
  /// An entry of `d.items()` (a `for` variable): `.key` and `.value`.
  indirect case dictEntry(SemaType, SemaType)
  /// A user struct: its module and index in that module's `SyntaxTree.structs`.
  case structType(module: Int, index: Int)
  /// A generic struct with its parameters bound: `Stack[Int]` (Generics.swift).
  indirect case boundStruct(module: Int, index: Int, arguments: [SemaType])
  /// The k-th compile-time parameter of a generic declaration; appears only in the signatures
  /// of generic functions and the fields of generic structs, never in a checked body.
  indirect case typeParameter(Int)
  /// Compile-time literal types (§6); they become `Int`, `Float64` or `String` when used.
  case intLiteral, floatLiteral, stringLiteral
  /// The result of a function without `->`.
  case none
  /// A module bound by `import`, usable only before `.`.
  case module(Int)
  /// A struct type used as a value (`Point(1, 2)`, `Point.origin()`).
  indirect case typeValue(SemaType)
  /// Already diagnosed; suppresses follow-up errors.
  case error

  /// The name the reference compiler prints in messages.
  public var description: String {
    switch self {
    case .int: "Int"
    case .float64: "Float64"
    case .bool: "Bool"
    case .string: "String"
    case .numeric(let n): n.name
    case .errorValue: "Error"
    case .list(let e): "List[\(e)]"
    case .tuple(let elements): "Tuple[\(elements.map(\.description).joined(separator: ", "))]"
    case .dict(let k, let v): "Dict[\(k), \(v)]"
    case .set(let e): "Set[\(e)]"
    case .optional(let e): "Optional[\(e)]"
    case .dictEntry(let k, let v): "DictEntry[\(k), \(v)]"
    case .structType, .boundStruct: "struct"
    case .typeParameter(let k): "T\(k)"
    case .intLiteral: "IntLiteral"
    case .floatLiteral: "FloatLiteral"
    case .stringLiteral: "StringLiteral"
    case .none: "None"
    case .module: "module"
    case .typeValue(let t): "type \(t)"
    case .error: "<error>"
    }
  }

  /// True for `.error`. A pattern match: comparing with `==` calls the derived equality, which
  /// copies and releases payloads.
  @inlinable
  public var isError: Bool {
    if case .error = self { return true }
    return false
  }

  /// True when `self` and `other` are the same payload-free core type (`Int`, `Float64`,
  /// `Bool`, `String`): the common case of a type comparison, decided without `==`.
  @inlinable
  public func isSameCoreType(_ other: SemaType) -> Bool {
    switch (self, other) {
    case (.int, .int), (.float64, .float64), (.bool, .bool), (.string, .string): true
    default: false
    }
  }

  /// True for values held directly (not through a reference to a list or struct).
  public var isScalar: Bool {
    switch self {
    case .int, .float64, .bool, .string, .errorValue, .numeric: true
    default: false
    }
  }

  /// The sized numeric type, if this is one.
  @inlinable
  public var numeric: NumericType? {
    if case .numeric(let n) = self { return n }
    return nil
  }

  /// True for a user struct, plain or bound (the types `Program.structInfo` describes), decided
  /// without building the `StructInfo`.
  @inlinable
  public var isStruct: Bool {
    switch self {
    case .structType, .boundStruct: true
    default: false
    }
  }

  /// True for `List[...]`.
  public var isList: Bool {
    if case .list = self { return true }
    return false
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

/// A value known at compile time: the folded result of a literal expression, kept exact
/// (LANGUAGE.md §6.1) until it is materialized.
public enum ConstantValue: Sendable, Equatable {
  /// An IntLiteral: an arbitrary-precision integer.
  case int(BigInt)
  /// A FloatLiteral: an exact rational, `-0.0` or NaN.
  case float(ExactFloat)
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

  /// The value as an `Int` (§6.2): an integer reduced modulo 2^64 into the signed range, a
  /// Bool as 0 or 1. A FloatLiteral never becomes an `Int` (the checker rejects it), so it and a
  /// string give 0.
  public var wrappedInt64: Int64 {
    switch self {
    case .int(let v): v.wrappedInt64
    case .bool(let b): b ? 1 : 0
    case .float, .string: 0
    }
  }

  /// The value as a `Float64` (§6.2): correctly rounded, ties to even, `inf`/`0.0` beyond the
  /// range. A Bool gives 0 or 1, a string 0.
  public var nearestDouble: Double {
    switch self {
    case .int(let v): v.nearestDouble
    case .float(let v): v.nearestDouble
    case .bool(let b): b ? 1 : 0
    case .string: 0
    }
  }
}
