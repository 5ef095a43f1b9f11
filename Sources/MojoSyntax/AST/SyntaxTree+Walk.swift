//! Generic walks over expressions and statements, for analyses that look at every
//! subexpression in evaluation order (the lowering's destruction plan, a destructor's field uses).

extension SyntaxTree {
  /// The direct subexpressions of `id`, in evaluation order (a call's callee, then its arguments).
  public func children(of id: ExprID) -> [ExprID] {
    let e = expr(id)
    switch e.kind {
    case .name, .intLiteral, .floatLiteral, .stringLiteral, .boolLiteral, .noneLiteral, .invalid:
      return []
    case .unary, .transfer:
      return [operand(e)]
    case .member:
      return [member(e).base]
    case .binary:
      let b = binary(e)
      return [b.left, b.right]
    case .index, .byteIndex:
      let s = subscriptParts(e)
      return [s.base, s.index]
    case .ternary:
      let t = ternary(e)
      return [t.condition, t.then, t.otherwise]
    case .comparison:
      return Array(comparison(e).operands)
    case .call:
      let c = call(e)
      return [c.callee] + c.arguments.map(\.value)
    case .listLiteral, .tuple, .setLiteral:
      return Array(elements(e))
    case .dictLiteral:
      return Array(dictEntries(e))
    case .slice:
      let s = slice(e)
      return [s.base] + [s.start, s.end, s.step].compactMap { $0 }
    case .listComprehension, .setComprehension, .dictComprehension, .comprehensionClause:
      let c = comprehension(e)
      var parts = [c.iterable, c.element]
      if let condition = c.condition { parts.append(condition) }
      if let value = c.value { parts.append(value) }
      return parts
    }
  }

  /// The binary nodes of the flat chain that `id` ends (`a + b - c ...` parses as
  /// `((a + b) - c) ...`), innermost first: `id` and, while the left operand is itself a binary
  /// node, that operand. Empty when `id` is not a binary node. A chain's length is not limited
  /// (the parser counts it as one level of nesting), so passes walk it with this loop instead of
  /// recursing on the left operand; the innermost node's left operand is not part of the spine.
  public func leftSpine(of id: ExprID) -> [ExprID] {
    var spine: [ExprID] = []
    var node = id
    while case let e = expr(node), e.kind == .binary {
      spine.append(node)
      node = binary(e).left
    }
    spine.reverse()
    return spine
  }

  /// How many binary nodes a flat chain may have before passes walk it in a loop
  /// (`leftSpine`) rather than recursing on the left operand: short chains, the common case,
  /// stay on the plain recursive path, which needs no spine array.
  public static let chainRecursionLimit = 32

  /// True when `id` ends a flat chain of more than `chainRecursionLimit` binary nodes (see
  /// `leftSpine`): recursion on the left operand would descend one frame per term.
  @inlinable @inline(__always)
  public func isChain(_ id: ExprID) -> Bool {
    var e = expr(id)
    var nodes = 0
    while e.kind == .binary {
      nodes += 1
      if nodes > SyntaxTree.chainRecursionLimit { return true }
      e = expr(binary(e).left)
    }
    return false
  }

  /// Calls `visit` for `id` and every expression below it (parents before children); a chain's
  /// left spine is a loop (`leftSpine`).
  public func forEachExpression(in id: ExprID, _ visit: (ExprID) -> Void) {
    guard id.exists else { return }
    guard isChain(id) else {
      visit(id)
      for child in children(of: id) { forEachExpression(in: child, visit) }
      return
    }
    // Preorder: the spine's nodes outermost first, then the innermost left operand, then the
    // right operands innermost first.
    let spine = leftSpine(of: id)
    for node in spine.reversed() { visit(node) }
    forEachExpression(in: binary(expr(spine[0])).left, visit)
    for node in spine { forEachExpression(in: binary(expr(node)).right, visit) }
  }

  /// The expressions a statement evaluates itself (not those of its nested blocks).
  public func ownExpressions(of s: StmtNode) -> [ExprID] {
    switch s.kind {
    case .expression: return [expressionStatement(s)]
    case .varDecl: return varDeclaration(s).value.map { [$0] } ?? []
    case .assign, .augmentedAssign:
      let a = assignment(s)
      return [a.target, a.value]
    case .returnValue, .raiseError: return statementValue(s).map { [$0] } ?? []
    case .ifElse: return [ifStatement(s).condition]
    case .whileLoop: return [whileStatement(s).condition]
    case .forLoop: return [forStatement(s).iterable]
    case .pass, .breakLoop, .continueLoop, .comptimeDecl, .tryStatement, .invalid: return []
    }
  }

  /// The blocks nested in a statement.
  public func nestedBlocks(of s: StmtNode) -> [Block] {
    switch s.kind {
    case .ifElse:
      let i = ifStatement(s)
      return [i.then] + (i.elseBlock.map { [$0] } ?? [])
    case .whileLoop:
      let w = whileStatement(s)
      return [w.body] + (w.elseBlock.map { [$0] } ?? [])
    case .forLoop:
      let f = forStatement(s)
      return [f.body] + (f.elseBlock.map { [$0] } ?? [])
    case .tryStatement:
      let t = tryStatement(s)
      return [t.body, t.handler] + [t.elseBlock, t.finallyBlock].compactMap { $0 }
    default:
      return []
    }
  }

  /// Calls `visit` for every expression of the statements of `block`, nested blocks included.
  public func forEachExpression(inBlock block: Block, _ visit: (ExprID) -> Void) {
    for id in statements(in: block) {
      let s = stmt(id)
      for e in ownExpressions(of: s) { forEachExpression(in: e, visit) }
      for nested in nestedBlocks(of: s) { forEachExpression(inBlock: nested, visit) }
    }
  }
}
