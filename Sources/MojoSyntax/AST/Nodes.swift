//! Node records of the flat syntax tree. Each node is a kind plus a few 32-bit fields whose
//! meaning depends on the kind, documented on each case.

/// What an expression node is; the comment gives the meaning of `a`, `b`, `c`.
public enum ExprKind: UInt8, Sendable {
  /// a: NameID.
  case name
  /// a: index into `intLiterals`.
  case intLiteral
  /// a: index into `floatLiterals` (the literal's text).
  case floatLiteral
  /// a: index into `strings` (adjacent literals already joined).
  case stringLiteral
  /// a: 0 or 1.
  case boolLiteral
  /// op, a: operand.
  case unary
  /// op, a: left, b: right (arithmetic, bitwise, `and`, `or`).
  case binary
  /// A chain `x < y <= z`: a: start in `exprLists` of the operands, b: operand count;
  /// the operators are `comparisonOps[a ..< a + b - 1]` (same start, one fewer).
  case comparison
  /// a: condition, b: value when true, c: value when false.
  case ternary
  /// a: callee, b: start in `arguments`, c: argument count.
  case call
  /// a: base, b: NameID of the member; `offset` is the dot.
  case member
  /// a: base, b: index.
  case index
  /// `s[byte=i]` — a: base, b: index.
  case byteIndex
  /// a: start in `exprLists`, b: element count.
  case listLiteral
  /// `x^` — a: the operand.
  case transfer
  /// A parse error placeholder.
  case invalid
  /// `(a, b)`, or `a, b` as an assignment's target, value or a returned value — a: start in
  /// `exprLists`, b: element count.
  case tuple
  /// `x[start:end:step]` or `s[byte=start:end]` — a: base, b: start in `exprLists` of the three
  /// bounds (`ExprID.none` when absent), c: 1 for the `byte=` form.
  case slice
  /// `{k1: v1, k2: v2}` — a: start in `exprLists` of the keys and values, alternating, b: the
  /// number of pairs. `{}` is an empty dict literal.
  case dictLiteral
  /// `{a, b}` — a: start in `exprLists`, b: element count.
  case setLiteral
  /// `None`.
  case noneLiteral
  /// `[element for name in iterable if condition]` — a: start in `exprLists` of element,
  /// iterable and condition (`ExprID.none` without `if`), b: NameID of the variable, c: its offset.
  /// With `op == .identical`, `b` is the ExprID of a `tuple` of names (`for i, x in ...`).
  case listComprehension
  /// `{element for ...}`: as `listComprehension`.
  case setComprehension
  /// `{key: value for ...}`: as `listComprehension`, with the value a fourth entry in `exprLists`.
  case dictComprehension
  /// A second (third...) `for` clause of a comprehension, `[e for a in A for b in B if c]`: the
  /// element of the clause before it, laid out as `listComprehension` (element, iterable,
  /// condition); its items are the enclosing comprehension's. A dict's value stays with the
  /// outermost node.
  case comprehensionClause
}

/// One expression.
public struct ExprNode: Sendable {
  public var kind: ExprKind
  /// The operator of `unary` and `binary`.
  public var op: Operator
  /// The depth of the node's subtree, for the parser's nesting limit only (it sits in what
  /// would be padding, so the parser needs no side array for it).
  var depth: UInt16 = 1
  /// The byte offset diagnostics point at (operator for binary expressions, `(` for calls).
  public var offset: UInt32
  public var a: UInt32
  public var b: UInt32
  public var c: UInt32
}

/// One call argument, possibly named (`sep=" "`).
public struct Argument: Sendable {
  /// The keyword, or `.none` for a positional argument.
  public var label: NameID
  public var value: ExprID
  /// Offset of the argument's first byte (its label, if any).
  public var offset: UInt32

  /// An argument (the checker makes positional ones for `x[i]`'s `__getitem__`).
  public init(label: NameID, value: ExprID, offset: UInt32) {
    self.label = label
    self.value = value
    self.offset = offset
  }
}

/// What a statement node is; the comment gives the meaning of `a`, `b`, `c`.
public enum StmtKind: UInt8, Sendable {
  /// a: the expression; op `.invert` marks one the parser made for a `with` statement (its
  /// value may be discarded without a warning).
  case expression
  /// `var NAME[: T][= e]` — a: NameID, b: TypeExprID (or none), c: ExprID (or none); op
  /// `.invert` marks `ref NAME = e` (the variable is the place `e`).
  case varDecl
  /// a: target, b: value.
  case assign
  /// op: the operator, a: target, b: value.
  case augmentedAssign
  /// `pass` (a: 0) or `...` (a: 1, the body of a trait's required method).
  case pass
  case breakLoop, continueLoop
  /// a: ExprID or none.
  case returnValue
  /// a: condition, b: index of the then-block in `blocks`, c: else-block index or `UInt32.max`
  /// (an `elif` chain is an else-block holding one `ifElse`); op `.invert` marks `comptime if`.
  case ifElse
  /// a: condition, b: body block index, c: `else` block index or `UInt32.max`.
  case whileLoop
  /// a: NameID of the loop variable (`_` included), b: iterable, c: body block index; the
  /// `else` block is `blocks[c + 1]` (empty when there is none: an `else:` body is never empty).
  /// With `op == .identical`, the target is a tuple `for a, b in ...`: `a` is the ExprID of a
  /// `tuple` expression of names.
  case forLoop
  /// `comptime NAME[: T] = e` — a: NameID, b: TypeExprID, c: ExprID.
  case comptimeDecl
  /// `raise e` — a: ExprID, or none for a bare `raise` (re-raises the error being handled).
  case raiseError
  /// `try` with its clauses — a: index into `SyntaxTree.tryStatements`.
  case tryStatement
  /// A statement that failed to parse.
  case invalid
}

/// One statement.
public struct StmtNode: Sendable {
  public var kind: StmtKind
  public var op: Operator
  /// Offset of the statement's first token (the name for declarations).
  public var offset: UInt32
  public var a: UInt32
  public var b: UInt32
  public var c: UInt32
}

/// The clauses of a `try` statement (LANGUAGE.md §15 item 1): the body, at most one `except`
/// (bare, or binding the error to a name), an optional `else` and an optional `finally`.
public struct TryStatement: Sendable {
  public var body: Block
  /// True when there is an `except` clause.
  public var hasExcept: Bool
  /// The name of `except NAME:`, or none.
  public var errorName: NameID
  /// Offset of the name (or of `except`).
  public var errorOffset: UInt32
  /// The `except` body (empty without one).
  public var handler: Block
  public var elseBlock: Block?
  public var finallyBlock: Block?
  /// Made by the parser for a `with` statement (Parser+With.swift): no warnings about its
  /// clauses (the code is not the user's).
  public var isWith = false
}

/// A type expression: `Int`, `List[Float64]`, `Point`.
public struct TypeExprNode: Sendable {
  public var name: NameID
  /// The element type of `List[...]` (the first of `Tuple[A, B]`), or none.
  public var argument: TypeExprID
  public var offset: UInt32
  /// The next type argument after this one (`B` after `A` in `Tuple[A, B]`), or none.
  public var next: TypeExprID = .none
}
