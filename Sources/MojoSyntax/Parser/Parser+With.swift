//! `with` statements, rewritten into statements the later passes already know (as Mojo itself
//! lowers them to a `try`):
//!
//!     with E as n:            var with.K = E
//!         body                var n = with.K.__enter__()     (`with.K.__enter__()` without `as`)
//!                             try:
//!                                 body
//!                             finally:
//!                                 with.K.__exit__()
//!
//! Several items nest, the first outermost. `with assert_raises([contains=C]):` (std.testing)
//! becomes
//!
//!     try:
//!         body
//!     except with.K:                       (bare `except` without `contains`)
//!         if C not in String(with.K): raise
//!     else:
//!         assert_raises(...)               (the checker makes it raise "Didn't raise at ...")
import MojoDiagnostics

extension Parser {
  /// Parses `with item [as name], ...: block` onto `statementScratch`.
  mutating func parseWith() {
    let offset = current.start
    advance()  // with
    var items: [(manager: ExprID, start: UInt32, name: NameID, nameOffset: UInt32)] = []
    repeat {
      let start = current.start
      let manager = parseExpression()
      var name = NameID.none, nameOffset = current.start
      if atAs() {
        advance()
        nameOffset = current.start
        guard at(.identifier) else {
          report(SyntaxDiagnostics.expected("a variable name", location(current.start)))
          skipLine()
          return
        }
        name = intern(current)
        advance()
      }
      items.append((manager, start, name, nameOffset))
    } while eat(.comma)
    var body = parseBlock(missingColon: "expected ':' after 'with' statement")
    for (k, item) in items.enumerated().reversed() {
      let base = statementScratch.count
      withStatements(item.manager, item.start, item.name, item.nameOffset, body: body, offset: offset)
      if k == 0 { return }
      body = addBlock(fromScratch: base)
    }
  }

  /// The statements one `with` item stands for (see the file comment), onto `statementScratch`.
  private mutating func withStatements(_ manager: ExprID, _ managerOffset: UInt32, _ name: NameID, _ nameOffset: UInt32,
                                       body: Block, offset: UInt32) {
    let node = tree.expr(manager)
    let temporary = names.synthesize("with.\(tree.statements.count)")
    if node.kind == .call, case let callee = tree.expr(ExprID(Int(node.a))), callee.kind == .name,
       names.names[Int(callee.a)] == "assert_raises" {
      var clauses = TryStatement(body: body, hasExcept: true, errorName: .none, errorOffset: offset, handler: .empty,
                                 elseBlock: nil, finallyBlock: nil, isWith: true)
      let contains = tree.arguments(of: node).first { $0.label.exists && names.names[Int($0.label.index)] == "contains" }
      if let contains {
        clauses.errorName = temporary
        let error = addExpr(.name, offset: managerOffset, a: temporary.index)
        let string = addExpr(.name, offset: managerOffset, a: names.synthesize("String").index)
        tree.arguments.append(Argument(label: .none, value: error, offset: managerOffset))
        let text = addExpr(.call, offset: managerOffset, a: string.index, b: UInt32(tree.arguments.count - 1), c: 1)
        let missing = addExpr(.binary, op: .notContains, offset: managerOffset, a: contains.value.index, b: text.index)
        let base = statementScratch.count
        statementScratch.append(addStmt(.raiseError, offset: managerOffset, a: ExprID.none.index))
        let then = addBlockIndex(addBlock(fromScratch: base))
        statementScratch.append(addStmt(.ifElse, offset: managerOffset, a: missing.index, b: then, c: UInt32.max))
        clauses.handler = addBlock(fromScratch: base)
      } else {
        let base = statementScratch.count
        statementScratch.append(addStmt(.pass, offset: managerOffset))
        clauses.handler = addBlock(fromScratch: base)
      }
      let base = statementScratch.count
      statementScratch.append(addStmt(.expression, op: Parser.withStatementMarker, offset: managerOffset, a: manager.index))
      clauses.elseBlock = addBlock(fromScratch: base)
      tree.tryStatements.append(clauses)
      statementScratch.append(addStmt(.tryStatement, offset: offset, a: UInt32(tree.tryStatements.count - 1)))
      return
    }
    statementScratch.append(addStmt(.varDecl, offset: managerOffset, a: temporary.index, b: TypeExprID.none.index, c: manager.index))
    let enter = methodCall(on: temporary, names.synthesize("__enter__"), at: managerOffset)
    if name.exists {
      statementScratch.append(addStmt(.varDecl, offset: nameOffset, a: name.index, b: TypeExprID.none.index, c: enter.index))
    } else {
      statementScratch.append(addStmt(.expression, op: Parser.withStatementMarker, offset: managerOffset, a: enter.index))
    }
    let base = statementScratch.count
    let exit = methodCall(on: temporary, names.synthesize("__exit__"), at: managerOffset)
    statementScratch.append(addStmt(.expression, op: Parser.withStatementMarker, offset: managerOffset, a: exit.index))
    let clauses = TryStatement(body: body, hasExcept: false, errorName: .none, errorOffset: offset, handler: .empty,
                               elseBlock: nil, finallyBlock: addBlock(fromScratch: base), isWith: true)
    tree.tryStatements.append(clauses)
    statementScratch.append(addStmt(.tryStatement, offset: offset, a: UInt32(tree.tryStatements.count - 1)))
  }

  /// `variable.method()`.
  private mutating func methodCall(on variable: NameID, _ method: NameID, at offset: UInt32) -> ExprID {
    let base = addExpr(.name, offset: offset, a: variable.index)
    let member = addExpr(.member, offset: offset, a: base.index, b: method.index)
    return addExpr(.call, offset: offset, a: member.index, b: UInt32(tree.arguments.count), c: 0)
  }
}
