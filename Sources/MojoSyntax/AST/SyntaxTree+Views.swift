//! Typed unpackers of the flat nodes (as Zig's `Ast.fullIf`, `fullCall`): each turns a node of
//! one kind into a small struct with named fields, optional where the grammar allows absence.
//! Consumers read these instead of a node's raw `a`/`b`/`c` fields and `UInt32.max` sentinels;
//! the field layout of each kind (documented on `ExprKind` and `StmtKind`) is known only here
//! and in the parser.

// MARK: - Statements

/// `if condition: then [else: elseBlock]` (an `elif` chain is an else-block holding one `if`).
public struct IfStatement: Sendable {
  public var condition: ExprID
  public var then: Block
  public var elseBlock: Block?
  /// `comptime if`.
  public var isComptime: Bool

  @inlinable
  public init(condition: ExprID, then: Block, elseBlock: Block?, isComptime: Bool) {
    self.condition = condition
    self.then = then
    self.elseBlock = elseBlock
    self.isComptime = isComptime
  }
}

/// `while condition: body [else: elseBlock]`.
public struct WhileStatement: Sendable {
  public var condition: ExprID
  public var body: Block
  public var elseBlock: Block?

  @inlinable
  public init(condition: ExprID, body: Block, elseBlock: Block?) {
    self.condition = condition
    self.body = body
    self.elseBlock = elseBlock
  }
}

/// `for variable in iterable: body [else: elseBlock]`, or `for a, b in iterable: ...`.
public struct ForStatement: Sendable {
  /// The loop variable (`_` included), or nil for a tuple target or when the parser found none.
  public var variable: NameID?
  /// `for a, b in ...`: the `tuple` expression of the names; nil for a single variable.
  public var tupleTarget: ExprID?
  public var iterable: ExprID
  public var body: Block
  /// The `else:` body, or nil without one (an `else:` body is never empty).
  public var elseBlock: Block?
  /// `for ref x in xs`: the variable refers to each element.
  public var isReference: Bool

  @inlinable
  public init(variable: NameID?, tupleTarget: ExprID?, iterable: ExprID, body: Block, elseBlock: Block?,
              isReference: Bool) {
    self.variable = variable
    self.tupleTarget = tupleTarget
    self.iterable = iterable
    self.body = body
    self.elseBlock = elseBlock
    self.isReference = isReference
  }
}

/// `var name[: type][= value]`, or `ref name = value`.
public struct VarDeclaration: Sendable {
  public var name: NameID
  public var type: TypeExprID?
  public var value: ExprID?
  /// `ref name = value`: the variable is the place `value` (no copy, never destroyed).
  public var isReference: Bool

  @inlinable
  public init(name: NameID, type: TypeExprID?, value: ExprID?, isReference: Bool = false) {
    self.name = name
    self.type = type
    self.value = value
    self.isReference = isReference
  }
}

/// `comptime name[: type] = value` inside a function.
public struct ComptimeStatement: Sendable {
  public var name: NameID
  public var type: TypeExprID?
  public var value: ExprID

  @inlinable
  public init(name: NameID, type: TypeExprID?, value: ExprID) {
    self.name = name
    self.type = type
    self.value = value
  }
}

/// `target = value`, or `target op= value` (then `op` is the operator applied).
public struct Assignment: Sendable {
  public var target: ExprID
  public var value: ExprID
  public var op: Operator

  /// `var a, b = e`: the target's names are declared by this assignment.
  @inlinable
  public var declaresNames: Bool { op == .identical }

  @inlinable
  public init(target: ExprID, value: ExprID, op: Operator) {
    self.target = target
    self.value = value
    self.op = op
  }
}

extension SyntaxTree {
  /// The expression of an `expression` statement.
  @inlinable
  public func expressionStatement(_ s: StmtNode) -> ExprID {
    assert(s.kind == .expression)
    return ExprID(Int(s.a))
  }

  /// Whether the `expression` statement `s` is one the parser made for a `with` statement
  /// (`__enter__()`, `__exit__()`, the manager of `assert_raises`), whose value may be discarded.
  @inlinable
  public func isMadeForWith(_ s: StmtNode) -> Bool {
    s.kind == .expression && s.op == Parser.withStatementMarker
  }

  /// The parts of an `ifElse` statement.
  @inlinable
  public func ifStatement(_ s: StmtNode) -> IfStatement {
    assert(s.kind == .ifElse)
    return IfStatement(condition: ExprID(Int(s.a)), then: blocks[Int(s.b)],
                       elseBlock: s.c == UInt32.max ? nil : blocks[Int(s.c)], isComptime: s.op == .invert)
  }

  /// The parts of a `whileLoop` statement.
  @inlinable
  public func whileStatement(_ s: StmtNode) -> WhileStatement {
    assert(s.kind == .whileLoop)
    return WhileStatement(condition: ExprID(Int(s.a)), body: blocks[Int(s.b)],
                          elseBlock: s.c == UInt32.max ? nil : blocks[Int(s.c)])
  }

  /// The parts of a `forLoop` statement.
  @inlinable
  public func forStatement(_ s: StmtNode) -> ForStatement {
    assert(s.kind == .forLoop)
    let elseBlock = blocks[Int(s.c) + 1]
    let isTuple = s.op == .identical
    return ForStatement(variable: isTuple || s.a == UInt32.max ? nil : NameID(Int(s.a)),
                        tupleTarget: isTuple ? ExprID(Int(s.a)) : nil, iterable: ExprID(Int(s.b)),
                        body: blocks[Int(s.c)], elseBlock: elseBlock.count > 0 ? elseBlock : nil,
                        isReference: s.op == Parser.referenceLoopMarker)
  }

  /// The parts of a `varDecl` statement.
  @inlinable
  public func varDeclaration(_ s: StmtNode) -> VarDeclaration {
    assert(s.kind == .varDecl)
    return VarDeclaration(name: NameID(Int(s.a)), type: s.b == UInt32.max ? nil : TypeExprID(Int(s.b)),
                          value: s.c == UInt32.max ? nil : ExprID(Int(s.c)), isReference: s.op == .invert)
  }

  /// The parts of a `comptimeDecl` statement.
  @inlinable
  public func comptimeStatement(_ s: StmtNode) -> ComptimeStatement {
    assert(s.kind == .comptimeDecl)
    return ComptimeStatement(name: NameID(Int(s.a)), type: s.b == UInt32.max ? nil : TypeExprID(Int(s.b)),
                             value: ExprID(Int(s.c)))
  }

  /// The parts of an `assign` or `augmentedAssign` statement.
  @inlinable
  public func assignment(_ s: StmtNode) -> Assignment {
    assert(s.kind == .assign || s.kind == .augmentedAssign)
    return Assignment(target: ExprID(Int(s.a)), value: ExprID(Int(s.b)), op: s.op)
  }

  /// The value of a `returnValue` or `raiseError` statement, or nil (`return`, bare `raise`).
  @inlinable
  public func statementValue(_ s: StmtNode) -> ExprID? {
    assert(s.kind == .returnValue || s.kind == .raiseError)
    return s.a == UInt32.max ? nil : ExprID(Int(s.a))
  }

  /// The clauses of a `tryStatement`.
  @inlinable
  public func tryStatement(_ s: StmtNode) -> TryStatement {
    assert(s.kind == .tryStatement)
    return tryStatements[Int(s.a)]
  }
}

// MARK: - Expressions

/// `callee(arguments...)`.
public struct CallExpression {
  public var callee: ExprID
  public var arguments: ArraySlice<Argument>
  /// A template string `t"...{x}..."`: the callee is the `t` prefix and the arguments are the
  /// literal pieces and the expressions in order.
  public var isTemplateString: Bool

  @inlinable
  public init(callee: ExprID, arguments: ArraySlice<Argument>, isTemplateString: Bool) {
    self.callee = callee
    self.arguments = arguments
    self.isTemplateString = isTemplateString
  }
}

/// `left op right` (arithmetic, bitwise, `and`, `or`).
public struct BinaryExpression: Sendable {
  public var op: Operator
  public var left: ExprID
  public var right: ExprID

  @inlinable
  public init(op: Operator, left: ExprID, right: ExprID) {
    self.op = op
    self.left = left
    self.right = right
  }
}

/// `base[start:end:step]`, or `base[byte=start:end]`; absent bounds are nil.
public struct SliceExpression: Sendable {
  public var base: ExprID
  public var start: ExprID?
  public var end: ExprID?
  public var step: ExprID?
  public var isByteSlice: Bool

  @inlinable
  public init(base: ExprID, start: ExprID?, end: ExprID?, step: ExprID?, isByteSlice: Bool) {
    self.base = base
    self.start = start
    self.end = end
    self.step = step
    self.isByteSlice = isByteSlice
  }
}

/// `[element for variable in iterable if condition]` (or `for a, b in ...`), and the set
/// (`{element for ...}`) and dict (`{element: value for ...}`) forms.
public struct Comprehension: Sendable {
  public var element: ExprID
  /// The value of a dict comprehension (`element` is its key); nil for lists and sets.
  public var value: ExprID?
  /// The loop variable, or nil for a tuple target (or when the parser found none).
  public var variable: NameID?
  /// `for a, b in ...`: the `tuple` expression of the names; nil for a single variable.
  public var tupleTarget: ExprID?
  /// Offset of the variable (diagnostics about it point there).
  public var variableOffset: UInt32
  public var iterable: ExprID
  public var condition: ExprID?

  @inlinable
  public init(element: ExprID, value: ExprID?, variable: NameID?, tupleTarget: ExprID?, variableOffset: UInt32,
              iterable: ExprID, condition: ExprID?) {
    self.element = element
    self.value = value
    self.variable = variable
    self.tupleTarget = tupleTarget
    self.variableOffset = variableOffset
    self.iterable = iterable
    self.condition = condition
  }
}

extension SyntaxTree {
  /// The identifier of a `name` expression.
  @inlinable
  public func nameReference(_ e: ExprNode) -> NameID {
    assert(e.kind == .name)
    return NameID(Int(e.a))
  }

  /// The callee and arguments of a `call` expression.
  @inlinable
  public func call(_ e: ExprNode) -> CallExpression {
    assert(e.kind == .call)
    return CallExpression(callee: ExprID(Int(e.a)), arguments: arguments[Int(e.b)..<Int(e.b + e.c)],
                          isTemplateString: e.op == Parser.templateStringMarker)
  }

  /// The operator and operands of a `binary` expression.
  @inlinable
  public func binary(_ e: ExprNode) -> BinaryExpression {
    assert(e.kind == .binary)
    return BinaryExpression(op: e.op, left: ExprID(Int(e.a)), right: ExprID(Int(e.b)))
  }

  /// The operand of a `unary` or `transfer` expression.
  @inlinable
  public func operand(_ e: ExprNode) -> ExprID {
    assert(e.kind == .unary || e.kind == .transfer)
    return ExprID(Int(e.a))
  }

  /// The base and member name of a `member` expression.
  @inlinable
  public func member(_ e: ExprNode) -> (base: ExprID, name: NameID) {
    assert(e.kind == .member)
    return (ExprID(Int(e.a)), NameID(Int(e.b)))
  }

  /// The base and index of an `index` or `byteIndex` expression.
  @inlinable
  public func subscriptParts(_ e: ExprNode) -> (base: ExprID, index: ExprID) {
    assert(e.kind == .index || e.kind == .byteIndex)
    return (ExprID(Int(e.a)), ExprID(Int(e.b)))
  }

  /// The base of a `member`, `index`, `byteIndex` or `slice` expression (`p` in `p.x`, `xs` in
  /// `xs[i]`).
  @inlinable
  public func base(of e: ExprNode) -> ExprID {
    assert(e.kind == .member || e.kind == .index || e.kind == .byteIndex || e.kind == .slice)
    return ExprID(Int(e.a))
  }

  /// The condition and the two values of a `ternary` expression.
  @inlinable
  public func ternary(_ e: ExprNode) -> (condition: ExprID, then: ExprID, otherwise: ExprID) {
    assert(e.kind == .ternary)
    return (ExprID(Int(e.a)), ExprID(Int(e.b)), ExprID(Int(e.c)))
  }

  /// The operands of a `comparison` chain and its operators (one fewer).
  @inlinable
  public func comparison(_ e: ExprNode) -> (operands: ArraySlice<ExprID>, operators: ArraySlice<Operator>) {
    assert(e.kind == .comparison)
    return (exprLists[Int(e.a)..<Int(e.a + e.b)], comparisonOps[Int(e.a)..<Int(e.a + e.b - 1)])
  }

  /// The elements of a `listLiteral`, `setLiteral` or `tuple` expression.
  @inlinable
  public func elements(_ e: ExprNode) -> ArraySlice<ExprID> {
    assert(e.kind == .listLiteral || e.kind == .setLiteral || e.kind == .tuple)
    return exprLists[Int(e.a)..<Int(e.a + e.b)]
  }

  /// The keys and values of a `dictLiteral`, alternating (`key0, value0, key1, ...`).
  @inlinable
  public func dictEntries(_ e: ExprNode) -> ArraySlice<ExprID> {
    assert(e.kind == .dictLiteral)
    return exprLists[Int(e.a)..<Int(e.a + 2 * e.b)]
  }

  /// The parts of a `listComprehension`, `setComprehension`, `dictComprehension` or `comprehensionClause`.
  @inlinable
  public func comprehension(_ e: ExprNode) -> Comprehension {
    assert([.listComprehension, .setComprehension, .dictComprehension, .comprehensionClause].contains(e.kind))
    let k = Int(e.a)
    let isTuple = e.op == .identical
    return Comprehension(element: exprLists[k], value: e.kind == .dictComprehension ? exprLists[k + 3] : nil,
                         variable: isTuple || e.b == UInt32.max ? nil : NameID(Int(e.b)),
                         tupleTarget: isTuple ? ExprID(Int(e.b)) : nil, variableOffset: e.c,
                         iterable: exprLists[k + 1], condition: exprLists[k + 2].exists ? exprLists[k + 2] : nil)
  }

  /// The subexpression written first in `e` (a binary's left operand, a call's callee, a
  /// member's or subscript's base, a ternary's value when true, a chain's first operand), or
  /// nil when `e` starts with its own token.
  @inlinable
  public func leadingOperand(_ e: ExprNode) -> ExprID? {
    switch e.kind {
    case .binary, .call, .member, .index, .byteIndex, .transfer, .slice: return ExprID(Int(e.a))
    case .comparison: return exprLists[Int(e.a)]
    case .ternary: return ExprID(Int(e.b))
    default: return nil
    }
  }

  /// The identifier of `e` when it is a plain `name` expression, else nil.
  @inlinable
  public func plainName(_ e: ExprNode) -> NameID? {
    e.kind == .name ? NameID(Int(e.a)) : nil
  }

  /// The identifier of the expression `id` when it is a plain `name`, else nil.
  @inlinable
  public func plainName(_ id: ExprID) -> NameID? {
    plainName(expr(id))
  }

  /// The parts of a `slice` expression.
  @inlinable
  public func slice(_ e: ExprNode) -> SliceExpression {
    assert(e.kind == .slice)
    let k = Int(e.b)
    func bound(_ id: ExprID) -> ExprID? { id.exists ? id : nil }
    return SliceExpression(base: ExprID(Int(e.a)), start: bound(exprLists[k]), end: bound(exprLists[k + 1]),
                           step: bound(exprLists[k + 2]), isByteSlice: e.c == 1)
  }

  /// The text of an `intLiteral` (underscores removed, radix prefix kept).
  @inlinable
  public func intLiteralText(_ e: ExprNode) -> String {
    assert(e.kind == .intLiteral)
    return intLiterals[Int(e.a)]
  }

  /// The text of a `floatLiteral` (underscores removed).
  @inlinable
  public func floatLiteralText(_ e: ExprNode) -> String {
    assert(e.kind == .floatLiteral)
    return floatLiterals[Int(e.a)]
  }

  /// The decoded bytes of a `stringLiteral`.
  @inlinable
  public func stringLiteralBytes(_ e: ExprNode) -> [UInt8] {
    assert(e.kind == .stringLiteral)
    return strings[Int(e.a)]
  }

  /// The value of a `boolLiteral`.
  @inlinable
  public func boolLiteralValue(_ e: ExprNode) -> Bool {
    assert(e.kind == .boolLiteral)
    return e.a != 0
  }
}
