//! Expressions by precedence, lowest first (LANGUAGE.md §3): ternary, or, and, not, comparison
//! chains, |, ^, &, shifts, + -, * / // %, unary, **, postfix, atoms.
import MojoDiagnostics

extension Parser {
  /// Maps an operator token to the AST operator of the binary expression it forms.
  static func binaryOperator(_ k: TokenKind) -> Operator? {
    switch k {
    case .plus: .add
    case .minus: .sub
    case .star: .mul
    case .slash: .div
    case .slashSlash: .floorDiv
    case .percent: .mod
    case .starStar: .pow
    case .shiftLeft: .shl
    case .shiftRight: .shr
    case .amp: .bitAnd
    case .pipe: .bitOr
    case .caret: .bitXor
    case .less: .less
    case .greater: .greater
    case .lessEqual: .lessEqual
    case .greaterEqual: .greaterEqual
    case .equalEqual: .equal
    case .notEqual: .notEqual
    default: nil
    }
  }

  mutating func parseExpression() -> ExprID {
    let value = parseOr()
    guard at(.kwIf) else { return value }
    let offset = current.start
    advance()
    let condition = parseOr()
    guard expect(.kwElse, "'else'") else { return value }
    let otherwise = parseExpression()
    return addExpr(.ternary, offset: offset, a: condition.index, b: value.index, c: otherwise.index)
  }

  mutating func parseOr() -> ExprID {
    var left = parseAnd()
    while at(.kwOr) {
      let offset = current.start
      advance()
      let right = parseAnd()
      left = addExpr(.binary, op: .or, offset: offset, a: left.index, b: right.index)
    }
    return left
  }

  mutating func parseAnd() -> ExprID {
    var left = parseNot()
    while at(.kwAnd) {
      let offset = current.start
      advance()
      let right = parseNot()
      left = addExpr(.binary, op: .and, offset: offset, a: left.index, b: right.index)
    }
    return left
  }

  mutating func parseNot() -> ExprID {
    guard at(.kwNot) else { return parseComparison() }
    let offset = current.start
    advance()
    let operand = parseNot()
    return addExpr(.unary, op: .not, offset: offset, a: operand.index)
  }

  mutating func parseComparison() -> ExprID {
    let first = parseBinary(level: 0)
    guard let op0 = Parser.binaryOperator(kind), op0.isComparison else { return first }
    var operands = [first]
    var ops: [Operator] = []
    var offset = current.start
    while let op = Parser.binaryOperator(kind), op.isComparison {
      if ops.isEmpty { offset = current.start }
      ops.append(op)
      advance()
      operands.append(parseBinary(level: 0))
    }
    if ops.count == 1 {
      return addExpr(.binary, op: ops[0], offset: offset, a: operands[0].index, b: operands[1].index)
    }
    let start = UInt32(tree.exprLists.count)
    // Comparison operators are stored at the same start index as the operands.
    while tree.comparisonOps.count < tree.exprLists.count { tree.comparisonOps.append(.equal) }
    tree.exprLists.append(contentsOf: operands)
    tree.comparisonOps.append(contentsOf: ops)
    return addExpr(.comparison, offset: offset, a: start, b: UInt32(operands.count))
  }

  /// Binary levels above comparisons: 0 `|`, 1 `^`, 2 `&`, 3 shifts, 4 `+ -`, 5 `* / // %`.
  mutating func parseBinary(level: Int) -> ExprID {
    if level == 6 { return parseUnary() }
    var left = parseBinary(level: level + 1)
    while true {
      let matches: Bool
      switch (level, kind) {
      case (0, .pipe), (2, .amp), (3, .shiftLeft), (3, .shiftRight), (4, .plus), (4, .minus),
           (5, .star), (5, .slash), (5, .slashSlash), (5, .percent):
        matches = true
      case (1, .caret):
        matches = !isTransferCaret()
      default:
        matches = false
      }
      guard matches, let op = Parser.binaryOperator(kind) else { return left }
      let offset = current.start
      advance()
      let right = parseBinary(level: level + 1)
      left = addExpr(.binary, op: op, offset: offset, a: left.index, b: right.index)
    }
  }

  mutating func parseUnary() -> ExprID {
    let op: Operator
    switch kind {
    case .minus: op = .negate
    case .plus: op = .plus
    case .tilde: op = .invert
    default: return parsePower()
    }
    let offset = current.start
    advance()
    let operand = parseUnary()
    return addExpr(.unary, op: op, offset: offset, a: operand.index)
  }

  mutating func parsePower() -> ExprID {
    let base = parsePostfix()
    guard at(.starStar) else { return base }
    let offset = current.start
    advance()
    let exponent = parseUnary()
    return addExpr(.binary, op: .pow, offset: offset, a: base.index, b: exponent.index)
  }

  /// A `^` is the transfer operator when what follows cannot start an operand.
  func isTransferCaret() -> Bool {
    guard at(.caret) else { return false }
    switch peek() {
    case .rightParen, .rightBracket, .comma, .semicolon, .newline, .endOfFile, .colon, .dedent: return true
    default: return false
    }
  }

  mutating func parsePostfix() -> ExprID {
    var expr = parseAtom()
    while true {
      switch kind {
      case .leftParen:
        let offset = current.start
        advance()
        var args: [Argument] = []
        while !at(.rightParen) && !at(.endOfFile) {
          let before = position
          let argOffset = current.start
          var label = NameID.none
          if at(.identifier) && peek() == .assign {
            label = intern(current)
            advance()
            advance()
          }
          args.append(Argument(label: label, value: parseExpression(), offset: argOffset))
          if !eat(.comma) || position == before { break }
        }
        expect(.rightParen, "')'")
        let start = UInt32(tree.arguments.count)
        tree.arguments.append(contentsOf: args)
        expr = addExpr(.call, offset: offset, a: expr.index, b: start, c: UInt32(args.count))
      case .leftBracket:
        let bracket = current.start
        advance()
        if at(.identifier) && peek() == .assign && text(of: current).elementsEqual("byte".utf8) {
          let offset = current.start
          advance()
          advance()
          let index = parseExpression()
          expect(.rightBracket, "']'")
          expr = addExpr(.byteIndex, offset: offset, a: expr.index, b: index.index)
        } else {
          let offset = bracket
          let index = parseExpression()
          if at(.colon) { report(SyntaxDiagnostics.notSupportedYet("slicing", location(current.start))) }
          expect(.rightBracket, "']'")
          expr = addExpr(.index, offset: offset, a: expr.index, b: index.index)
        }
      case .dot:
        let offset = current.start
        advance()
        guard at(.identifier) else {
          report(SyntaxDiagnostics.expected("a member name", location(current.start)))
          return expr
        }
        let name = intern(current)
        advance()
        expr = addExpr(.member, offset: offset, a: expr.index, b: name.index)
      case .caret where isTransferCaret():
        let offset = current.start
        advance()
        expr = addExpr(.transfer, offset: offset, a: expr.index)
      default:
        return expr
      }
    }
  }

  mutating func parseAtom() -> ExprID {
    let token = current
    switch token.kind {
    case .identifier:
      advance()
      return addExpr(.name, offset: token.start, a: intern(token).index)
    case .intLiteral:
      advance()
      tree.intLiterals.append(String(decoding: text(of: token).filter { $0 != UInt8(ascii: "_") }, as: UTF8.self))
      return addExpr(.intLiteral, offset: token.start, a: UInt32(tree.intLiterals.count - 1))
    case .floatLiteral:
      advance()
      tree.floatLiterals.append(String(decoding: text(of: token).filter { $0 != UInt8(ascii: "_") }, as: UTF8.self))
      return addExpr(.floatLiteral, offset: token.start, a: UInt32(tree.floatLiterals.count - 1))
    case .stringLiteral:
      advance()
      var index = token.payload
      if at(.stringLiteral) {
        var joined = tree.strings[Int(index)]
        while at(.stringLiteral) {
          joined += tree.strings[Int(current.payload)]
          advance()
        }
        tree.strings.append(joined)
        index = UInt32(tree.strings.count - 1)
      }
      return addExpr(.stringLiteral, offset: token.start, a: index)
    case .kwTrue, .kwFalse:
      advance()
      return addExpr(.boolLiteral, offset: token.start, a: token.kind == .kwTrue ? 1 : 0)
    case .leftParen:
      advance()
      let inner = parseExpression()
      if at(.comma) { report(SyntaxDiagnostics.notSupportedYet("a tuple", location(current.start))) }
      expect(.rightParen, "')'")
      return inner
    case .leftBracket:
      advance()
      var elements: [ExprID] = []
      while !at(.rightBracket) && !at(.endOfFile) {
        let before = position
        elements.append(parseExpression())
        if !eat(.comma) || position == before { break }
      }
      expect(.rightBracket, "']'")
      let start = UInt32(tree.exprLists.count)
      tree.exprLists.append(contentsOf: elements)
      return addExpr(.listLiteral, offset: token.start, a: start, b: UInt32(elements.count))
    case .kwReserved:
      report(SyntaxDiagnostics.notSupportedYet("'\(String(decoding: text(of: token), as: UTF8.self))'", location(token.start)))
      skipLine()
      return addExpr(.invalid, offset: token.start)
    case .leftBrace:
      report(SyntaxDiagnostics.notSupportedYet("a dict or set literal", location(token.start)))
      skipLine()
      return addExpr(.invalid, offset: token.start)
    default:
      report(SyntaxDiagnostics.expected("an expression", location(token.start)))
      return addExpr(.invalid, offset: token.start)
    }
  }
}
