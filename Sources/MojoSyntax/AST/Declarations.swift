//! Module-level declarations: imports, functions, structs and compile-time constants.

/// Argument passing convention of a parameter.
public enum ParameterConvention: UInt8, Sendable {
  case read, mut, out
  /// `var x: T`: the callee owns its own mutable value (the caller passes a copy or `x^`).
  case owned
}

/// One parameter of a function.
public struct ParameterDecl: Sendable {
  public var name: NameID
  public var type: TypeExprID
  public var defaultValue: ExprID
  public var convention: ParameterConvention
  public var offset: UInt32
  /// After a bare `*`: passed only by keyword.
  public var isKeywordOnly = false
  /// `*name: T`: takes the remaining positional arguments (its type is `T`, each argument's).
  public var isVariadic = false
}

/// A `def`, at module level or inside a struct.
public struct FunctionDecl: Sendable {
  public var name: NameID
  /// Offset of the name.
  public var offset: UInt32
  public var parameters: [ParameterDecl]
  public var returnType: TypeExprID
  public var body: Block
  public var isStatic: Bool
  /// Declared `raises`: may end by raising an error instead of returning.
  public var raises: Bool
  /// Offset of `->`'s type, for diagnostics about the result.
  public var returnOffset: UInt32
  /// The compile-time parameters `[T: Trait, n: Int]` (empty for an ordinary function).
  public var genericParameters: [GenericParameterDecl] = []
  /// `raises E`: the type of the values it raises (none: `Error`).
  public var raisesType = TypeExprID.none
  /// For a `def` inside a function body: that function's index in `SyntaxTree.functions`
  /// (which follows it there); -1 for a module-level function or a method.
  public var enclosingFunction = -1
  /// The bytes of the body: from the end of the header's `:` to the end of the body's last
  /// token (both 0 when the body is missing). The action cache cuts bodies out of a source
  /// along them (MojoDriver's `Caching/SourceStub.swift`).
  public var bodyStart: UInt32 = 0
  public var bodyEnd: UInt32 = 0
}

/// One compile-time parameter of a function or struct: `T: Copyable & Movable` (a type
/// parameter bounded by traits) or `n: Int` (a value parameter); the checker tells them apart.
public struct GenericParameterDecl: Sendable {
  public var name: NameID
  public var offset: UInt32
  /// The names after `:`, joined by `&` (`Copyable`, `Movable`); empty without a bound.
  public var bounds: [NamePart]
  /// The default value (`n: Int = 2`), or none.
  public var defaultValue: ExprID = .none
}

/// A `trait`: required methods (a `...` body) and methods with a default body.
public struct TraitDecl: Sendable {
  public var name: NameID
  public var offset: UInt32
  /// The traits it refines (`trait Shape(Named):`).
  public var parents: [NamePart]
  /// The required methods (`...` bodies), in source order (not part of `SyntaxTree.functions`).
  public var methods: [FunctionDecl]
  /// Per method: true when its body is `...` (always, for `methods`).
  public var isRequirement: [Bool]
  /// Methods with a default body: indices into `SyntaxTree.functions` (checked per conforming
  /// struct, as instances with `Self` bound).
  public var defaultMethods: [Int] = []
}

/// A `var name: Type` field of a struct.
public struct FieldDecl: Sendable {
  public var name: NameID
  public var type: TypeExprID
  /// Offset of the name.
  public var offset: UInt32
  /// Offset of `var` (where Mojo reports problems with the declaration as a whole).
  public var keywordOffset: UInt32
}

/// A `struct`.
public struct StructDecl: Sendable {
  public var name: NameID
  public var offset: UInt32
  public var traits: [NameID]
  /// Offsets of the trait names, for conformance diagnostics.
  public var traitOffsets: [UInt32] = []
  public var fields: [FieldDecl]
  /// Indices into `SyntaxTree.functions`.
  public var methods: [Int]
  public var isFieldwiseInit: Bool
  /// The compile-time parameters `[T: Copyable & Movable]` (empty for an ordinary struct).
  public var genericParameters: [GenericParameterDecl] = []
  /// `comptime NAME[: T] = e` members (`FileError.not_found`).
  public var comptimes: [ComptimeDecl] = []
}

/// A module-level `comptime NAME[: T] = e`, or one inside a struct.
public struct ComptimeDecl: Sendable {
  public var name: NameID
  public var offset: UInt32
  public var type: TypeExprID
  public var value: ExprID
}

/// A path component with its position, for `unable to locate module` diagnostics.
public struct NamePart: Sendable {
  public var name: NameID
  public var offset: UInt32
}

/// `import a.b` or `from [.]a.b import x, y`.
public struct ImportDecl: Sendable {
  /// True for the `from ... import ...` form.
  public var isFrom: Bool
  /// Number of leading dots of a relative `from` (0 for absolute).
  public var dots: Int
  /// The dotted module path (may be empty for `from . import x`).
  public var path: [NamePart]
  /// The imported names of a `from` import.
  public var names: [NamePart]
  /// Per imported name, the `as` name it is bound to (or nil: its own name).
  public var aliases: [NamePart?] = []
  /// `import a.b as n`: the name the module is bound to.
  public var alias: NamePart?
  /// `from a import *`: every name of the module.
  public var isWildcard = false
  public var offset: UInt32

  /// An import declaration without aliases.
  public init(isFrom: Bool, dots: Int, path: [NamePart], names: [NamePart], offset: UInt32) {
    self.isFrom = isFrom
    self.dots = dots
    self.path = path
    self.names = names
    self.offset = offset
  }

  /// The name `names[k]` is bound to in the importing module.
  public func localName(_ k: Int) -> NamePart { (k < aliases.count ? aliases[k] : nil) ?? names[k] }
}
