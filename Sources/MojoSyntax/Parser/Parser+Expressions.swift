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
    nesting += 1
    defer { nesting -= 1 }
    if nesting > Parser.maximumNesting { return tooDeeplyNested() }
    let value = parseOperators(minLevel: Level.or)
    guard at(.kwIf) else { return value }
    let offset = current.start
    advance()
    let condition = parseOperators(minLevel: Level.or)
    guard expect(.kwElse, "'else'") else { return value }
    let otherwise = parseExpression()
    return addExpr(.ternary, offset: offset, a: condition.index, b: value.index, c: otherwise.index)
  }

  /// Binding levels of the operators between the ternary and the unary operators, loosest
  /// first (LANGUAGE.md §3).
  enum Level {
    static let or = 0, and = 1, not = 2, comparison = 3
    static let bitOr = 4, bitXor = 5, bitAnd = 6, shift = 7, additive = 8, multiplicative = 9
  }

  /// The binding level of the binary operator at the cursor, or nil when there is none (a `^`
  /// followed by something that cannot start an operand is the transfer operator). Inlined, as
  /// are the cursor helpers: a call to a non-mutating method copies the whole parser.
  @inline(__always)
  func binaryLevel() -> Int? {
    switch kind {
    case .kwOr: Level.or
    case .kwAnd: Level.and
    case .less, .greater, .lessEqual, .greaterEqual, .equalEqual, .notEqual, .kwIn, .kwIs: Level.comparison
    case .kwNot: peek() == .kwIn ? Level.comparison : nil
    case .pipe: Level.bitOr
    case .caret: isTransferCaret() ? nil : Level.bitXor
    case .amp: Level.bitAnd
    case .shiftLeft, .shiftRight: Level.shift
    case .plus, .minus: Level.additive
    case .star, .slash, .slashSlash, .percent: Level.multiplicative
    default: nil
    }
  }

  /// Operators from `or` up to `* / // %` by precedence climbing: one loop per level in use, so
  /// a flat chain `a + b + c ...` is a loop rather than a recursion per term, and an operand
  /// does not descend through every level. `not` is a prefix binding looser than comparisons;
  /// comparisons form chains (`a < b <= c`).
  mutating func parseOperators(minLevel: Int) -> ExprID {
    var left: ExprID
    if at(.kwNot) && minLevel <= Level.not {
      // `not not ... x`: a loop, so a long run of `not`s needs no stack; the `not` tokens are
      // revisited from their positions afterwards.
      let first = position
      while at(.kwNot) { advance() }
      let count = position - first
      if nesting + count > Parser.maximumNesting { return tooDeeplyNested() }
      left = parseOperators(minLevel: Level.comparison)
      for k in stride(from: first + count - 1, through: first, by: -1) {
        left = addExpr(.unary, op: .not, offset: tokens[k].start, a: left.index)
      }
    } else {
      left = parseUnary()
    }
    while let level = binaryLevel(), level >= minLevel {
      if level == Level.comparison {
        left = parseComparisonChain(first: left)
        continue
      }
      let op: Operator = kind == .kwOr ? .or : kind == .kwAnd ? .and : Parser.binaryOperator(kind)!
      let offset = current.start
      advance()
      let right = parseOperators(minLevel: level + 1)
      left = addExpr(.binary, op: op, offset: offset, a: left.index, b: right.index)
    }
    return left
  }

  /// `first < b <= c ...`, with the cursor on the first comparison operator. One comparison is
  /// a plain binary node; longer chains list their operands and operators.
  mutating func parseComparisonChain(first: ExprID) -> ExprID {
    let offset = current.start
    let firstOp = eatComparisonOperator()!
    let second = parseOperators(minLevel: Level.comparison + 1)
    guard let nextOp = eatComparisonOperator() else {
      return addExpr(.binary, op: firstOp, offset: offset, a: first.index, b: second.index)
    }
    // A longer chain: operands and operators collect on the scratch stacks.
    let base = exprScratch.count, opBase = operatorScratch.count
    exprScratch.append(first)
    exprScratch.append(second)
    operatorScratch.append(firstOp)
    operatorScratch.append(nextOp)
    exprScratch.append(parseOperators(minLevel: Level.comparison + 1))
    while let op = eatComparisonOperator() {
      operatorScratch.append(op)
      exprScratch.append(parseOperators(minLevel: Level.comparison + 1))
    }
    let start = UInt32(tree.exprLists.count)
    let count = exprScratch.count - base
    // Comparison operators are stored at the same start index as the operands.
    while tree.comparisonOps.count < tree.exprLists.count { tree.comparisonOps.append(.equal) }
    tree.exprLists.append(contentsOf: exprScratch[base...])
    tree.comparisonOps.append(contentsOf: operatorScratch[opBase...])
    exprScratch.removeSubrange(base...)
    operatorScratch.removeSubrange(opBase...)
    return addExpr(.comparison, offset: offset, a: start, b: UInt32(count))
  }

  /// The rest of `base[start:end:step]` with the cursor on the first `:`; absent bounds are
  /// `ExprID.none`.
  mutating func parseSlice(base: ExprID, start: ExprID, offset: UInt32, isByte: Bool) -> ExprID {
    advance()
    let end = at(.colon) || at(.rightBracket) ? ExprID.none : parseExpression()
    var step = ExprID.none
    if eat(.colon) && !at(.rightBracket) { step = parseExpression() }
    expect(.rightBracket, "']'")
    let list = UInt32(tree.exprLists.count)
    tree.exprLists.append(contentsOf: [start, end, step])
    return addExpr(.slice, offset: offset, a: base.index, b: list, c: isByte ? 1 : 0)
  }

  /// An expression, or a tuple `a, b, ...` without parentheses (assignment values, `return`).
  mutating func parseExpressionOrTuple() -> ExprID {
    let offset = current.start
    let first = parseExpression()
    return at(.comma) ? parseTupleRest(first: first, offset: offset) : first
  }

  /// The elements after `first` of a tuple, with the cursor on the comma after `first`; a
  /// trailing comma is allowed (`(a,)`).
  mutating func parseTupleRest(first: ExprID, offset: UInt32) -> ExprID {
    var elements = [first]
    while eat(.comma) {
      if at(.rightParen) || at(.assign) || at(.newline) || at(.semicolon) || at(.endOfFile) { break }
      elements.append(parseExpression())
    }
    let start = UInt32(tree.exprLists.count)
    tree.exprLists.append(contentsOf: elements)
    return addExpr(.tuple, offset: offset, a: start, b: UInt32(elements.count))
  }

  /// `{k: v, ...}` (a dict; `{}` is an empty one) or `{a, b, ...}` (a set), with the cursor on `{`.
  mutating func parseBraceLiteral() -> ExprID {
    let offset = current.start
    advance()
    let base = exprScratch.count
    var isDict = at(.rightBrace)
    while !at(.rightBrace) && !at(.endOfFile) {
      let before = position
      exprScratch.append(parseExpression())
      if exprScratch.count == base + 1 { isDict = at(.colon) }
      if isDict {
        expect(.colon, "':'")
        exprScratch.append(parseExpression())
      }
      if at(.kwFor) && exprScratch.count == base + (isDict ? 2 : 1) {
        let element = exprScratch[base]
        let value = isDict ? exprScratch[base + 1] : nil
        exprScratch.removeSubrange(base...)
        return parseComprehension(element: element, offset: offset, value: value, closing: .rightBrace)
      }
      if !eat(.comma) || position == before { break }
    }
    expect(.rightBrace, "'}'")
    let start = UInt32(tree.exprLists.count)
    let count = exprScratch.count - base
    tree.exprLists.append(contentsOf: exprScratch[base...])
    exprScratch.removeSubrange(base...)
    return addExpr(isDict ? .dictLiteral : .setLiteral, offset: offset, a: start, b: UInt32(isDict ? count / 2 : count))
  }

  /// The rest of `[element for name in iterable if condition]`, with the cursor on `for`.
  mutating func parseComprehension(element: ExprID, offset: UInt32, value: ExprID? = nil,
                                   closing: TokenKind = .rightBracket) -> ExprID {
    // Each `for ... in ... [if ...]` clause; the later ones run inside the earlier ones.
    var clauses: [(name: NameID, tuple: ExprID, nameOffset: UInt32, iterable: ExprID, condition: ExprID)] = []
    while eat(.kwFor) {
      let nameOffset = current.start
      let (name, tupleTarget) = parseLoopTarget()
      if name == .none && tupleTarget == .none {
        report(SyntaxDiagnostics.notSupportedYet("this comprehension target", location(current.start)))
      }
      expect(.kwIn, "'in'")
      let iterable = parseOperators(minLevel: Level.or)
      var condition = ExprID.none
      if eat(.kwIf) { condition = parseOperators(minLevel: Level.or) }
      clauses.append((name, tupleTarget, nameOffset, iterable, condition))
      if clauses.count > 1 && at(.kwIf) {
        report(SyntaxDiagnostics.notSupportedYet("a comprehension clause with two 'if' conditions", location(current.start)))
      }
    }
    while !at(closing) && !at(.endOfFile) && !at(.newline) { advance() }
    expect(closing, closing == .rightBracket ? "']'" : "'}'")
    // Innermost first: a later clause is the element of the clause before it (a
    // `comprehensionClause`, whose items are the enclosing comprehension's).
    var inner = element
    for (k, clause) in clauses.enumerated().reversed() {
      let start = UInt32(tree.exprLists.count)
      tree.exprLists.append(contentsOf: [inner, clause.iterable, clause.condition])
      var kind = ExprKind.comprehensionClause
      if k == 0 {
        if let value { tree.exprLists.append(value) }
        kind = closing == .rightBracket ? .listComprehension : value == nil ? .setComprehension : .dictComprehension
      }
      if clause.tuple.exists {
        inner = addExpr(kind, op: .identical, offset: offset, a: start, b: clause.tuple.index, c: clause.nameOffset)
      } else {
        inner = addExpr(kind, offset: offset, a: start, b: clause.name.index, c: clause.nameOffset)
      }
    }
    return inner
  }

  /// Consumes a comparison operator (`<` ... `!=`, `in`, `not in`) and returns it.
  mutating func eatComparisonOperator() -> Operator? {
    if let op = Parser.binaryOperator(kind), op.isComparison {
      advance()
      return op
    }
    if at(.kwIn) {
      advance()
      return .contains
    }
    if at(.kwNot) && peek() == .kwIn {
      advance()
      advance()
      return .notContains
    }
    if at(.kwIs) {
      advance()
      return eat(.kwNot) ? .notIdentical : .identical
    }
    return nil
  }

  /// Reports input nested deeper than `maximumNesting` once, skips the rest of the logical
  /// line, and returns an invalid node; the enclosing constructs stay quiet about that line.
  mutating func tooDeeplyNested() -> ExprID {
    let offset = current.start
    report(SyntaxDiagnostics.nestedTooDeeply(Parser.maximumNesting, location(offset)))
    while !at(.newline) && !at(.endOfFile) { advance() }
    silencedOffset = current.start
    return addExpr(.invalid, offset: offset)
  }

  /// `- + ~` prefixes, as a loop (a long run of them needs no stack), then a power.
  mutating func parseUnary() -> ExprID {
    // Most operands are a lone name or integer: made here, without the descent through
    // `parsePower`, `parsePostfix` and `parseAtom`, which would make the same node.
    let next = peek()
    if (kind == .identifier || kind == .intLiteral) && !Parser.continuesOperand(next) {
      let token = current
      advance()
      if token.kind == .identifier { return addExpr(.name, offset: token.start, a: intern(token).index) }
      tree.intLiterals.append(Parser.literalText(token, in: bytes))
      return addExpr(.intLiteral, offset: token.start, a: UInt32(tree.intLiterals.count - 1))
    }
    guard Parser.unaryOperator(kind) != nil else { return parsePower() }
    // The prefix tokens are revisited from their positions after the operand.
    let first = position
    while Parser.unaryOperator(kind) != nil { advance() }
    let count = position - first
    if nesting + count > Parser.maximumNesting { return tooDeeplyNested() }
    var operand = parsePower()
    for k in stride(from: first + count - 1, through: first, by: -1) {
      operand = addExpr(.unary, op: Parser.unaryOperator(tokens[k].kind)!, offset: tokens[k].start, a: operand.index)
    }
    return operand
  }

  /// Whether a token after a name or integer may continue that operand (a call, subscript,
  /// member, `**`, a transfer `^`, or a template string's literal after `t`).
  @inline(__always)
  static func continuesOperand(_ k: TokenKind) -> Bool {
    switch k {
    case .leftParen, .leftBracket, .dot, .starStar, .caret, .stringLiteral: true
    default: false
    }
  }

  static func unaryOperator(_ k: TokenKind) -> Operator? {
    switch k {
    case .minus: .negate
    case .plus: .plus
    case .tilde: .invert
    default: nil
    }
  }

  mutating func parsePower() -> ExprID {
    let base = parsePostfix()
    guard at(.starStar) else { return base }
    // `**` is right-associative: each one recurses, so it counts as nesting.
    nesting += 1
    defer { nesting -= 1 }
    if nesting > Parser.maximumNesting { return tooDeeplyNested() }
    let offset = current.start
    advance()
    let exponent = parseUnary()
    return addExpr(.binary, op: .pow, offset: offset, a: base.index, b: exponent.index)
  }

  /// A `^` is the transfer operator when what follows cannot start an operand.
  @inline(__always)
  func isTransferCaret() -> Bool {
    guard at(.caret) else { return false }
    switch peek() {
    case .rightParen, .rightBracket, .comma, .semicolon, .newline, .endOfFile, .colon, .dedent: return true
    case .dot: return true  // `x^.values()`: a method of the transferred value
    case .kwIf, .kwElse: return true  // `a^ if c else b^`
    case .kwReserved: return tokens[min(position + 1, tokens.count - 1)].length == 2
      && file.bytes[Int(tokens[position + 1].start)] == UInt8(ascii: "a")  // `with x^ as y`
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
        let base = argumentScratch.count
        while !at(.rightParen) && !at(.endOfFile) {
          let before = position
          let argOffset = current.start
          var label = NameID.none
          if at(.identifier) && peek() == .assign {
            label = intern(current)
            advance()
            advance()
          }
          let value = parseExpression()
          argumentScratch.append(Argument(label: label, value: value, offset: argOffset))
          if !eat(.comma) || position == before { break }
        }
        expect(.rightParen, "')'")
        let start = UInt32(tree.arguments.count)
        let count = argumentScratch.count - base
        tree.arguments.append(contentsOf: argumentScratch[base...])
        argumentScratch.removeSubrange(base...)
        expr = addExpr(.call, offset: offset, a: expr.index, b: start, c: UInt32(count))
      case .leftBracket:
        let bracket = current.start
        advance()
        if at(.identifier) && peek() == .assign && text(of: current).elementsEqual("byte".utf8) {
          let offset = current.start
          advance()
          advance()
          let index = at(.colon) ? ExprID.none : parseExpression()
          if at(.colon) {
            expr = parseSlice(base: expr, start: index, offset: bracket, isByte: true)
            continue
          }
          expect(.rightBracket, "']'")
          expr = addExpr(.byteIndex, offset: offset, a: expr.index, b: index.index)
        } else {
          let offset = bracket
          var index = at(.colon) ? ExprID.none : parseExpression()
          if at(.colon) {
            expr = parseSlice(base: expr, start: index, offset: bracket, isByte: false)
            continue
          }
          // `Tuple[Int, String]` written in an expression (`List[Tuple[Int, String]]()`).
          if at(.comma) { index = parseTupleRest(first: index, offset: tree.expr(index).offset) }
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

  /// A number literal's text without its `_` separators (made straight from the file's bytes
  /// when there are none). Static: a method call would copy the parser.
  static func literalText(_ token: Token, in bytes: UnsafeBufferPointer<UInt8>) -> String {
    let digits = UnsafeBufferPointer(rebasing: bytes[Int(token.start)..<token.end])
    if !digits.contains(UInt8(ascii: "_")) { return String(decoding: digits, as: UTF8.self) }
    return String(decoding: digits.filter { $0 != UInt8(ascii: "_") }, as: UTF8.self)
  }

  mutating func parseAtom() -> ExprID {
    let token = current
    switch token.kind {
    case .identifier:
      if peek() == .stringLiteral, Int(tokens[position + 1].start) == token.end, token.length == 1, bytes[Int(token.start)] == UInt8(ascii: "t") {
        return parseTemplateString()
      }
      advance()
      return addExpr(.name, offset: token.start, a: intern(token).index)
    case .intLiteral:
      advance()
      tree.intLiterals.append(Parser.literalText(token, in: bytes))
      return addExpr(.intLiteral, offset: token.start, a: UInt32(tree.intLiterals.count - 1))
    case .floatLiteral:
      advance()
      tree.floatLiterals.append(Parser.literalText(token, in: bytes))
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
      if at(.comma) {
        let tuple = parseTupleRest(first: inner, offset: token.start)
        expect(.rightParen, "')'")
        return tuple
      }
      expect(.rightParen, "')'")
      return inner
    case .kwNone:
      advance()
      return addExpr(.noneLiteral, offset: token.start)
    case .leftBracket:
      advance()
      let base = exprScratch.count
      while !at(.rightBracket) && !at(.endOfFile) {
        let before = position
        let element = parseExpression()
        if at(.kwFor) && exprScratch.count == base { return parseComprehension(element: element, offset: token.start) }
        exprScratch.append(element)
        if !eat(.comma) || position == before { break }
      }
      expect(.rightBracket, "']'")
      let start = UInt32(tree.exprLists.count)
      let count = exprScratch.count - base
      tree.exprLists.append(contentsOf: exprScratch[base...])
      exprScratch.removeSubrange(base...)
      return addExpr(.listLiteral, offset: token.start, a: start, b: UInt32(count))
    case .kwReserved where text(of: token).elementsEqual("Self".utf8):
      // `Self` inside a struct: a name the checker resolves to the enclosing struct.
      advance()
      return addExpr(.name, offset: token.start, a: intern(token).index)
    case .kwReserved:
      report(SyntaxDiagnostics.notSupportedYet("'\(String(decoding: text(of: token), as: UTF8.self))'", location(token.start)))
      skipLine()
      return addExpr(.invalid, offset: token.start)
    case .leftBrace:
      return parseBraceLiteral()
    default:
      report(SyntaxDiagnostics.expected("an expression", location(token.start)))
      return addExpr(.invalid, offset: token.start)
    }
  }
}

extension Parser {
  /// The `op` of a call node made from a template string `t"...{expr}..."`: a call of the `t`
  /// prefix whose arguments are the literal pieces and the expressions in order, which the
  /// checker treats as `String(pieces...)`.
  public static let templateStringMarker = Operator.identical

  /// `t"text {expr} text"`: each `{expr}` is lexed and parsed on its own (its tokens keep their
  /// offsets in the file); `{{` and `}}` are literal braces. A format spec, a conversion
  /// (`{x!r}`), a string or a brace inside an expression are not supported yet.
  mutating func parseTemplateString() -> ExprID {
    let prefix = current
    advance()
    let literal = current
    advance()
    let start = Int(literal.start), end = Int(literal.end)
    let quote = bytes[start]
    let isTriple = end - start >= 6 && bytes[start + 1] == quote && bytes[start + 2] == quote
    let open = start + (isTriple ? 3 : 1), close = end - (isTriple ? 3 : 1)
    let base = argumentScratch.count
    var piece: [UInt8] = []
    var pieceOffset = UInt32(open)
    func unsupported(_ what: String, _ offset: Int, _ p: inout Parser) -> ExprID {
      p.argumentScratch.removeSubrange(base...)
      p.report(SyntaxDiagnostics.notSupportedYet(what, p.location(offset)))
      return p.addExpr(.invalid, offset: prefix.start)
    }
    func flush(_ p: inout Parser) {
      guard !piece.isEmpty else { return }
      p.tree.strings.append(piece)
      let id = p.addExpr(.stringLiteral, offset: pieceOffset, a: UInt32(p.tree.strings.count - 1))
      p.argumentScratch.append(Argument(label: .none, value: id, offset: pieceOffset))
      piece = []
    }
    var i = open
    while i < close {
      let c = bytes[i]
      if c == UInt8(ascii: "{") && i + 1 < close && bytes[i + 1] == UInt8(ascii: "{") || c == UInt8(ascii: "}") && i + 1 < close && bytes[i + 1] == UInt8(ascii: "}") {
        if piece.isEmpty { pieceOffset = UInt32(i) }
        piece.append(c)
        i += 2
      } else if c == UInt8(ascii: "{") {
        flush(&self)
        var j = i + 1
        while j < close && bytes[j] != UInt8(ascii: "}") {
          if [UInt8(ascii: "{"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ":"), UInt8(ascii: "\\")].contains(bytes[j])
              || bytes[j] == UInt8(ascii: "!") && j + 1 < close && bytes[j + 1] != UInt8(ascii: "=") {
            return unsupported("this expression in a template string", j, &self)
          }
          j += 1
        }
        guard j < close else { return unsupported("an unterminated '{' in a template string", i, &self) }
        guard let value = parseEmbeddedExpression(from: i + 1, to: j) else {
          return unsupported("this expression in a template string", i + 1, &self)
        }
        argumentScratch.append(Argument(label: .none, value: value, offset: UInt32(i + 1)))
        i = j + 1
      } else if c == UInt8(ascii: "\\") {
        guard i + 1 < close else { return unsupported("this escape in a template string", i, &self) }
        let escapes: [UInt8: UInt8] = [UInt8(ascii: "n"): 10, UInt8(ascii: "t"): 9, UInt8(ascii: "r"): 13, UInt8(ascii: "\\"): 92,
                                       UInt8(ascii: "\""): 34, UInt8(ascii: "'"): 39, UInt8(ascii: "0"): 0]
        guard let decoded = escapes[bytes[i + 1]] else { return unsupported("this escape in a template string", i, &self) }
        if piece.isEmpty { pieceOffset = UInt32(i) }
        piece.append(decoded)
        i += 2
      } else if c == UInt8(ascii: "}") {
        return unsupported("a single '}' in a template string", i, &self)
      } else {
        if piece.isEmpty { pieceOffset = UInt32(i) }
        piece.append(c)
        i += 1
      }
    }
    flush(&self)
    if argumentScratch.count == base {
      tree.strings.append([])
      let id = addExpr(.stringLiteral, offset: literal.start, a: UInt32(tree.strings.count - 1))
      argumentScratch.append(Argument(label: .none, value: id, offset: literal.start))
    }
    let callee = addExpr(.name, offset: prefix.start, a: intern(prefix).index)
    let argumentStart = UInt32(tree.arguments.count)
    let count = argumentScratch.count - base
    tree.arguments.append(contentsOf: argumentScratch[base...])
    argumentScratch.removeSubrange(base...)
    return addExpr(.call, op: Parser.templateStringMarker, offset: literal.start, a: callee.index, b: argumentStart, c: UInt32(count))
  }

  /// Parses `bytes[from ..< to]` as one expression with tokens of its own (offsets in the file),
  /// or nil when it is not exactly one expression.
  private mutating func parseEmbeddedExpression(from: Int, to: Int) -> ExprID? {
    var from = from, to = to
    while from < to && bytes[from] == UInt8(ascii: " ") { from += 1 }
    while to > from && bytes[to - 1] == UInt8(ascii: " ") { to -= 1 }
    guard from < to else { return nil }
    let segment = SourceFile(path: file.path, relativePath: file.relativePath, bytes: Array(bytes[from..<to]))
    let (stream, lexDiagnostics) = Lexer.tokenize(segment)
    guard lexDiagnostics.isEmpty else { return nil }
    let shifted = stream.tokens.map { token -> Token in
      var t = token
      t.start += UInt32(from)
      return t
    }
    let savedTokens = tokens, savedPosition = position, savedDiagnostics = diagnostics.count
    var value: ExprID?
    shifted.withUnsafeBufferPointer { buffer in
      tokens = buffer
      position = 0
      let parsed = parseExpression()
      while at(.newline) { advance() }
      if at(.endOfFile) && diagnostics.count == savedDiagnostics { value = parsed }
      tokens = savedTokens
      position = savedPosition
    }
    return value
  }
}
