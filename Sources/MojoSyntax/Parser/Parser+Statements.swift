//! Blocks and statements (LANGUAGE.md §3 `block`, `statement`, `simple_stmt`, compound forms).
import MojoDiagnostics

extension Parser {
  /// Parses `: block` after a header; `missingColon` is the message when the `:` is missing
  /// (Mojo's wording differs per header; built only when reported). Returns the block's statements.
  mutating func parseBlock(missingColon: @autoclosure () -> String) -> Block {
    let colonAt = tokens[max(position - 1, 0)].end
    guard at(.colon) else {
      report(SyntaxDiagnostics.expectedColon(missingColon(), location(colonAt)))
      skipLine()
      return .empty
    }
    let colonEnd = current.end
    advance()
    nesting += Parser.blockNestingCost
    defer { nesting -= Parser.blockNestingCost }
    if nesting > Parser.maximumNesting {
      report(SyntaxDiagnostics.nestedTooDeeply(Parser.maximumNesting / Parser.blockNestingCost, location(colonEnd)))
      skipLine()
      return .empty
    }
    // The block's statements collect on the shared scratch stack above `base` (nested blocks
    // push and pop above them), then move into `tree.blockStatements` in one piece.
    let base = statementScratch.count
    if eat(.newline) {
      guard eat(.indent) else {
        report(SyntaxDiagnostics.bodyMustNotBeEmpty(location(colonEnd)))
        return .empty
      }
      while !at(.dedent) && !at(.endOfFile) {
        let before = position
        parseStatement()
        if position == before { advance() }
      }
      _ = eat(.dedent)
    } else if at(.endOfFile) {
      report(SyntaxDiagnostics.bodyMustNotBeEmpty(location(colonEnd)))
    } else {
      parseSimpleStatements()
    }
    return addBlock(fromScratch: base)
  }

  /// Parses one statement (or a line of simple statements) onto `statementScratch`.
  mutating func parseStatement() {
    switch kind {
    case .kwIf: statementScratch.append(parseIf())
    case .kwWhile:
      let offset = current.start
      advance()
      let condition = parseExpression()
      let body = addBlockIndex(parseBlock(missingColon: "expected ':' after 'while' condition"))
      let elseBlock = parseLoopElse().map { addBlockIndex($0) } ?? UInt32.max
      statementScratch.append(addStmt(.whileLoop, offset: offset, a: condition.index, b: body, c: elseBlock))
    case .kwFor:
      statementScratch.append(parseFor())
    case .kwTry:
      statementScratch.append(parseTry())
    case .kwReserved where text(of: current).elementsEqual("with".utf8):
      parseWith()
    case .kwComptime where peek() == .kwIf:
      // `comptime if`: an `if` whose condition the checker requires to be a constant.
      advance()
      let id = parseIf()
      tree.statements[Int(id.index)].op = .invert
      statementScratch.append(id)
    case .kwComptime where peek() == .kwFor:
      // `comptime for`: unrolled by Mojo; a loop has the same meaning here (its variable is a
      // run-time value, so it cannot be a compile-time argument).
      advance()
      statementScratch.append(parseFor())
    case .kwDef:
      // A nested function: a function of the module visible in the enclosing body; it stays
      // in the block as a statement that does nothing.
      let offset = current.start
      nestedFunctions.append(parseFunction(decorators: []))
      statementScratch.append(addStmt(.pass, offset: offset))
    case .kwImport, .kwFrom:
      // An import inside a body: bound for the whole module (Mojo scopes it to the body, so
      // every program Mojo accepts means the same); it stays as a statement that does nothing.
      let offset = current.start
      parseImport()
      statementScratch.append(addStmt(.pass, offset: offset))
    case .kwStruct:
      report(SyntaxDiagnostics.notSupportedYet("a nested declaration", location(current.start)))
      skipLine()
    case .newline, .indent:
      advance()
    default:
      parseSimpleStatements()
    }
  }

  /// The `else:` block of a `for` or `while` loop (run when the loop ends without `break`).
  mutating func parseLoopElse() -> Block? {
    guard eat(.kwElse) else { return nil }
    return parseBlock(missingColon: "expected ':' after else")
  }

  /// An `if` with its `elif` arms and `else`. Each `elif` arm nests in the tree (an else-block
  /// holding one `if`); the arms are parsed in a loop and the statements built innermost first,
  /// so a chain of any length costs no stack (the later passes walk it in loops too).
  mutating func parseIf() -> StmtID {
    var arms: [(offset: UInt32, condition: ExprID, then: Block)] = []
    repeat {
      let offset = current.start
      let keyword = kind == .kwIf ? "'if'" : "'elif'"
      advance()
      let condition = parseExpression()
      arms.append((offset, condition, parseBlock(missingColon: "expected ':' after \(keyword) condition")))
    } while at(.kwElif)
    var elseIndex = UInt32.max
    if eat(.kwElse) {
      elseIndex = addBlockIndex(parseBlock(missingColon: "expected ':' after else"))
    }
    var statement: StmtID?
    for arm in arms.reversed() {
      if let inner = statement {
        statementScratch.append(inner)
        elseIndex = addBlockIndex(addBlock(fromScratch: statementScratch.count - 1))
      }
      statement = addStmt(.ifElse, offset: arm.offset, a: arm.condition.index, b: addBlockIndex(arm.then), c: elseIndex)
    }
    return statement!
  }

  /// The target of a `for` loop or a comprehension: one name, or `a, b, ...` as a tuple
  /// expression of names; both `.none` (nothing consumed) when neither is there.
  mutating func parseLoopTarget() -> (name: NameID, tuple: ExprID) {
    let offset = current.start
    guard at(.identifier) else { return (.none, .none) }
    guard peek() == .comma else {
      let name = intern(current)
      advance()
      return (name, .none)
    }
    var names = [parseAtom()]
    while eat(.comma) && at(.identifier) { names.append(parseAtom()) }
    let start = UInt32(tree.exprLists.count)
    tree.exprLists.append(contentsOf: names)
    return (.none, addExpr(.tuple, offset: offset, a: start, b: UInt32(names.count)))
  }

  /// The `op` of a `for ref x in xs` statement and of a `ref x = place` declaration.
  public static let referenceLoopMarker = Operator.invert
  public static let referenceMarker = Operator.invert
  /// The `op` of the `expression` statements the parser makes for a `with` statement.
  public static let withStatementMarker = Operator.invert

  mutating func parseFor() -> StmtID {
    let offset = current.start
    advance()
    // `for ref x in xs`: the variable refers to each element (the statement's `op` says so).
    let isRef = at(.kwReserved) && text(of: current).elementsEqual("ref".utf8) && peek() == .identifier
    if isRef { advance() }
    let nameOffset = current.start
    let (name, tupleTarget) = parseLoopTarget()
    if name == .none && tupleTarget == .none {
      report(SyntaxDiagnostics.expected("a loop variable", location(current.start)))
    }
    if !eat(.kwIn) {
      report(SyntaxDiagnostics.expected("'in'", location(current.start)))
      skipLine()
      return addStmt(.invalid, offset: offset)
    }
    let iterable = parseExpression()
    let body = parseBlock(missingColon: "expected ':' after expression")
    let elseBlock = parseLoopElse() ?? .empty
    _ = offset
    let bodyIndex = addBlockIndex(body)
    _ = addBlockIndex(elseBlock)
    if tupleTarget.exists {
      return addStmt(.forLoop, op: .identical, offset: nameOffset, a: tupleTarget.index, b: iterable.index, c: bodyIndex)
    }
    return addStmt(.forLoop, op: isRef ? Parser.referenceLoopMarker : .add, offset: nameOffset, a: name.index, b: iterable.index, c: bodyIndex)
  }

  /// `simple_stmt { ";" simple_stmt } [";"] NEWLINE`.
  mutating func parseSimpleStatements() {
    while true {
      let statement = parseSimpleStatement()
      statementScratch.append(statement)
      // A statement that failed to parse may have skipped the rest of its line (and a block after it).
      if tree.stmt(statement).kind == .invalid && position > 0
        && (tokens[position - 1].kind == .newline || tokens[position - 1].kind == .dedent) { return }
      if eat(.semicolon) {
        if eat(.newline) || at(.endOfFile) || at(.dedent) { return }
        continue
      }
      if eat(.newline) || at(.endOfFile) || at(.dedent) { return }
      report(SyntaxDiagnostics.statementsOnOneLine(location(current.start)))
      skipLine()
      return
    }
  }

  mutating func parseSimpleStatement() -> StmtID {
    let offset = current.start
    statementStart = offset
    switch kind {
    case .kwPass:
      advance()
      return addStmt(.pass, offset: offset)
    case .dot where peek() == .dot:
      // `...`: the body of a trait's required method (a statement that does nothing).
      while at(.dot) { advance() }
      return addStmt(.pass, offset: offset, a: 1)
    case .kwBreak:
      advance()
      return addStmt(.breakLoop, offset: offset)
    case .kwContinue:
      advance()
      return addStmt(.continueLoop, offset: offset)
    case .kwReturn:
      advance()
      let value = (at(.newline) || at(.semicolon) || at(.endOfFile) || at(.dedent)) ? ExprID.none : parseExpressionOrTuple()
      return addStmt(.returnValue, offset: offset, a: value.index)
    case .kwVar, .kwComptime:
      // `var NAME [: T] [= e]` and `comptime NAME [: T] = e` share their shape.
      let isComptime = kind == .kwComptime
      advance()
      guard at(.identifier) else {
        report(SyntaxDiagnostics.expected(isComptime ? "a name" : "a variable name", location(current.start)))
        return addStmt(.invalid, offset: offset)
      }
      if !isComptime && peek() == .comma { return parseDestructuringDeclaration(at: offset) }
      let name = intern(current)
      let nameOffset = current.start
      advance()
      var type = TypeExprID.none
      if eat(.colon) { type = parseType() }
      var value = ExprID.none
      if isComptime {
        guard expect(.assign, "'='") else { return addStmt(.invalid, offset: offset) }
        value = parseExpression()
      } else if eat(.assign) {
        value = parseExpression()
      }
      return addStmt(isComptime ? .comptimeDecl : .varDecl, offset: nameOffset, a: name.index, b: type.index, c: value.index)
    case .kwRaise:
      return parseRaise()
    case .kwFn:
      report(SyntaxDiagnostics.fnRemoved(location(offset)))
      skipLine()
      return addStmt(.invalid, offset: offset)
    case .kwReserved where text(of: current).elementsEqual("ref".utf8) && peek() == .identifier && peek(2) == .assign:
      // `ref name = place`: a variable that is the place itself (a `varDecl` marked by `op`).
      advance()
      let name = intern(current)
      let nameOffset = current.start
      advance()
      advance()  // =
      let value = parseExpression()
      return addStmt(.varDecl, op: Parser.referenceMarker, offset: nameOffset, a: name.index, b: TypeExprID.none.index, c: value.index)
    case .kwReserved:
      report(SyntaxDiagnostics.notSupportedYet("'\(String(decoding: text(of: current), as: UTF8.self))'", location(offset)))
      skipLine()
      return addStmt(.invalid, offset: offset)
    default:
      break
    }
    let target = parseExpressionOrTuple()
    if eat(.assign) {
      let value = parseExpressionOrTuple()
      return addStmt(.assign, offset: offset, a: target.index, b: value.index)
    }
    if let op = kind.augmentedOperator {
      let opOffset = current.start
      advance()
      let value = parseExpression()
      _ = opOffset
      return addStmt(.augmentedAssign, op: Parser.binaryOperator(op)!, offset: offset, a: target.index, b: value.index)
    }
    return addStmt(.expression, offset: offset, a: target.index)
  }

  /// `var a, b = e`: an assignment that declares its names (`Assignment.declaresNames`), so the
  /// checker gives each name the type of its element and lowering stores them as any tuple
  /// assignment does.
  mutating func parseDestructuringDeclaration(at offset: UInt32) -> StmtID {
    let target = parseExpressionOrTuple()
    for element in tree.list(of: tree.expr(target)) where tree.expr(element).kind != .name {
      report(SyntaxDiagnostics.expected("a variable name", location(tree.expr(element).offset)))
      skipLine()
      return addStmt(.invalid, offset: offset)
    }
    if at(.colon) {
      report(SyntaxDiagnostics.notSupportedYet("a type annotation in a 'var' of several names", location(current.start)))
      skipLine()
      return addStmt(.invalid, offset: offset)
    }
    guard expect(.assign, "'='") else { return addStmt(.invalid, offset: offset) }
    let value = parseExpressionOrTuple()
    return addStmt(.assign, op: .identical, offset: tree.expr(target).offset, a: target.index, b: value.index)
  }
}
