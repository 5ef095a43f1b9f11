//! The syntax tree of one file, stored flat: expressions, statements and types live in arrays
//! and refer to each other by typed indices; lists (call arguments, block statements) are
//! ranges into side arrays. Names are interned per file into `names`.

/// An index into `SyntaxTree.expressions`.
public struct ExprID: Hashable, Sendable {
  public let index: UInt32
  public init(_ index: Int) { self.index = UInt32(index) }
  /// The "absent" expression (e.g. `return` without a value).
  public static let none = ExprID(Int(UInt32.max))
  public var exists: Bool { index != UInt32.max }
}

/// An index into `SyntaxTree.statements`.
public struct StmtID: Hashable, Sendable {
  public let index: UInt32
  public init(_ index: Int) { self.index = UInt32(index) }
}

/// An index into `SyntaxTree.types`.
public struct TypeExprID: Hashable, Sendable {
  public let index: UInt32
  public init(_ index: Int) { self.index = UInt32(index) }
  public static let none = TypeExprID(Int(UInt32.max))
  public var exists: Bool { index != UInt32.max }
}

/// An index into `SyntaxTree.names`: an identifier interned within one file.
public struct NameID: Hashable, Sendable {
  public let index: UInt32
  public init(_ index: Int) { self.index = UInt32(index) }
  public static let none = NameID(Int(UInt32.max))
  public var exists: Bool { index != UInt32.max }
}

/// A block: a range of `SyntaxTree.blockStatements`.
public struct Block: Sendable, Equatable {
  public var start: UInt32
  public var count: UInt32
  public static let empty = Block(start: 0, count: 0)
  public init(start: UInt32, count: UInt32) {
    self.start = start
    self.count = count
  }
}

/// Binary and unary operators of expressions.
public enum Operator: UInt8, Sendable {
  case add, sub, mul, div, floorDiv, mod, pow, shl, shr, bitAnd, bitOr, bitXor
  case less, greater, lessEqual, greaterEqual, equal, notEqual
  case negate, plus, invert
  case and, or, not
  /// `a in b`, `a not in b` (comparison level; they chain like the comparisons).
  case contains, notContains
  /// `a is b`, `a is not b` (comparison level; `x is None` on an `Optional`).
  case identical, notIdentical

  /// The Mojo dunder name the reference compiler uses in messages (`__mul__`).
  public var methodName: String {
    switch self {
    case .add: "__add__"
    case .sub: "__sub__"
    case .mul: "__mul__"
    case .div: "__truediv__"
    case .floorDiv: "__floordiv__"
    case .mod: "__mod__"
    case .pow: "__pow__"
    case .shl: "__lshift__"
    case .shr: "__rshift__"
    case .bitAnd: "__and__"
    case .bitOr: "__or__"
    case .bitXor: "__xor__"
    case .less: "__lt__"
    case .greater: "__gt__"
    case .lessEqual: "__le__"
    case .greaterEqual: "__ge__"
    case .equal: "__eq__"
    case .notEqual: "__ne__"
    case .negate: "__neg__"
    case .plus: "__pos__"
    case .invert: "__invert__"
    case .and: "__and__"
    case .or: "__or__"
    case .not: "__not__"
    case .contains, .notContains: "__contains__"
    case .identical: "__is__"
    case .notIdentical: "__isnot__"
    }
  }

  /// True for the six comparison operators.
  public var isComparison: Bool {
    switch self {
    case .less, .greater, .lessEqual, .greaterEqual, .equal, .notEqual: true
    default: false
    }
  }
}

/// Everything parsed from one file.
public struct SyntaxTree: Sendable {
  /// Interned identifiers; `NameID` indexes this array.
  public var names: [String] = []
  public var expressions: [ExprNode] = []
  public var statements: [StmtNode] = []
  public var types: [TypeExprNode] = []
  /// Statement lists of blocks; a `Block` is a range of this array.
  public var blockStatements: [StmtID] = []
  /// Blocks referenced by `if`/`while`/`for` statements.
  public var blocks: [Block] = []
  public var arguments: [Argument] = []
  /// The clauses of `try` statements.
  public var tryStatements: [TryStatement] = []
  /// Operand lists of comparison chains and list literals.
  public var exprLists: [ExprID] = []
  /// Operators of comparison chains.
  public var comparisonOps: [Operator] = []
  /// Integer literal texts, kept exact (underscores removed, radix prefix kept).
  public var intLiterals: [String] = []
  /// Float literal texts (underscores removed).
  public var floatLiterals: [String] = []
  /// Decoded string literal bytes.
  public var strings: [[UInt8]] = []

  public var imports: [ImportDecl] = []
  public var functions: [FunctionDecl] = []
  /// Indices into `functions` of the module-level functions, in source order.
  public var moduleFunctions: [Int] = []
  public var structs: [StructDecl] = []
  public var comptimes: [ComptimeDecl] = []
  public var traits: [TraitDecl] = []

  public init() {}

  @inlinable
  public func expr(_ id: ExprID) -> ExprNode { expressions[Int(id.index)] }
  @inlinable
  public func stmt(_ id: StmtID) -> StmtNode { statements[Int(id.index)] }
  @inlinable
  public func type(_ id: TypeExprID) -> TypeExprNode { types[Int(id.index)] }
  @inlinable
  public func name(_ id: NameID) -> String { names[Int(id.index)] }
  /// The statements of a block.
  @inlinable
  public func statements(in block: Block) -> ArraySlice<StmtID> {
    blockStatements[Int(block.start)..<Int(block.start + block.count)]
  }
  /// The arguments of a `call` expression.
  @inlinable
  public func arguments(of call: ExprNode) -> ArraySlice<Argument> {
    arguments[Int(call.b)..<Int(call.b + call.c)]
  }
  /// The operands of a comparison chain or the elements of a list literal.
  @inlinable
  public func list(of node: ExprNode) -> ArraySlice<ExprID> {
    exprLists[Int(node.a)..<Int(node.a + node.b)]
  }
}
