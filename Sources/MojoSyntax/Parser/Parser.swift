//! The parser's core: a cursor over the token array and the house rules (as swift-syntax's
//! Parser.swift states them): token-consuming functions are `mutating`; peek with `at`, consume
//! with `eat`, require with `expect`; bad input never throws — the parser records a diagnostic,
//! resynchronizes at the next line and returns an `invalid` node; every loop makes progress.
//! One file per grammar area: `Parser+Declarations`, `Parser+Statements`, `Parser+Expressions`.
import MojoDiagnostics

/// Parses one file's tokens into a `SyntaxTree`.
public struct Parser {
  let file: SourceFile
  /// The lexer's tokens (kept alive by `stream`).
  /// (A template string's expressions are parsed from tokens of their own, swapped in.)
  var tokens: UnsafeBufferPointer<Token>
  let stream: TokenStream
  var position = 0
  var tree = SyntaxTree()
  var names = NameInterner()
  var diagnostics: [Diagnostic] = []
  /// Offsets at which a diagnostic was already reported, so that recovery does not repeat one.
  var reportedOffsets = Set<UInt32>()
  /// How deep expressions and blocks may nest, as clang's `-fbracket-depth`: deeper input gets
  /// one diagnostic instead of exhausting the stack here and in every later recursive pass
  /// (checked on 8 MiB stacks with five times this depth). Flat operator chains are loops
  /// here and in every later pass (`SyntaxTree.leftSpine`): a chain's length is not nesting.
  static let maximumNesting = 1000
  /// What one block level counts against `maximumNesting`: the passes spend
  /// several times more stack per block than per expression level.
  static let blockNestingCost = 4
  /// Current nesting of expressions and blocks.
  var nesting = 0
  /// The type parameters of the struct whose body is being parsed (name, offset): Mojo 1.2
  /// requires `Self.T` for them.
  var structParameters: [(name: NameID, offset: UInt32)] = []
  /// The first byte of the statement being parsed, and of the last one whose expression
  /// depth was reported.
  var statementStart: UInt32 = 0
  var tooDeepStatement: UInt32 = UInt32.max
  /// Where the rest of a logical line was skipped after `tooDeeplyNested`: diagnostics there
  /// would only repeat it.
  var silencedOffset: UInt32?
  /// Scratch stacks for lists under construction (a block's statements, a call's arguments, a
  /// list's elements, a comparison chain's operands): an inner list pushes above an outer one
  /// and moves out when complete, so building a list allocates nothing of its own.
  var statementScratch: [StmtID] = []
  /// Functions declared inside the bodies being parsed (`def` in a block), innermost last;
  /// `parseFunction` claims those of its own body.
  var nestedFunctions: [Int] = []
  var argumentScratch: [Argument] = []
  var exprScratch: [ExprID] = []
  var operatorScratch: [Operator] = []
  /// The file's bytes while `parseModule` runs.
  var bytes = UnsafeBufferPointer<UInt8>(start: nil, count: 0)

  init(file: SourceFile, stream: TokenStream) {
    self.file = file
    self.stream = stream
    self.tokens = stream.tokens
    self.tree.strings = stream.strings
  }

  /// Lexes and parses a file. Always returns a tree; problems are in the diagnostics.
  public static func parse(_ file: SourceFile) -> (SyntaxTree, [Diagnostic]) {
    let (stream, lexDiagnostics) = Lexer.tokenize(file)
    var parser = Parser(file: file, stream: stream)
    parser.diagnostics = lexDiagnostics
    parser.reserveCapacity()
    file.bytes.withUnsafeBufferPointer { parser.bytes = $0; parser.parseModule() }
    parser.bytes = UnsafeBufferPointer(start: nil, count: 0)
    parser.tree.names = parser.names.names
    parser.tree.releaseSpareCapacity()
    let diagnostics = parser.diagnostics.sorted { $0.location.offset < $1.location.offset }
    return (parser.tree, diagnostics)
  }

  /// Sizes the tree's arrays from the token count (measured on the generated corpora: about
  /// one expression per two tokens), so that they rarely grow and copy.
  private mutating func reserveCapacity() {
    let n = tokens.count
    tree.expressions.reserveCapacity(n / 2 + 16)
    tree.statements.reserveCapacity(n / 6 + 16)
    tree.blockStatements.reserveCapacity(n / 6 + 16)
    tree.blocks.reserveCapacity(n / 16 + 16)
    tree.arguments.reserveCapacity(n / 10 + 16)
    tree.intLiterals.reserveCapacity(n / 10 + 16)
    statementScratch.reserveCapacity(256)
    argumentScratch.reserveCapacity(64)
    exprScratch.reserveCapacity(64)
  }

  // MARK: - Cursor

  @inline(__always) var current: Token { tokens[position] }
  @inline(__always) var kind: TokenKind { tokens[position].kind }
  @inline(__always) func peek(_ n: Int = 1) -> TokenKind { tokens[min(position + n, tokens.count - 1)].kind }

  @inline(__always) func at(_ k: TokenKind) -> Bool { kind == k }

  @inline(__always)
  mutating func advance() {
    if position < tokens.count - 1 { position += 1 }
  }

  /// Consumes the current token if it is `k`.
  @inline(__always)
  mutating func eat(_ k: TokenKind) -> Bool {
    guard at(k) else { return false }
    advance()
    return true
  }

  /// Consumes `k` or reports `what` was expected at the current token.
  @discardableResult
  mutating func expect(_ k: TokenKind, _ what: String) -> Bool {
    if eat(k) { return true }
    report(SyntaxDiagnostics.expected(what, location(current.start)))
    return false
  }

  func location(_ offset: UInt32) -> SourceLocation { SourceLocation(file: file, offset: Int(offset)) }
  func location(_ offset: Int) -> SourceLocation { SourceLocation(file: file, offset: offset) }

  /// Records a diagnostic unless one was already reported at the same place.
  mutating func report(_ d: Diagnostic) {
    if let silencedOffset, UInt32(d.location.offset) == silencedOffset { return }
    if reportedOffsets.insert(UInt32(d.location.offset)).inserted { diagnostics.append(d) }
  }

  /// The source text of the current token (identifiers are interned from it).
  @inline(__always)
  func text(of token: Token) -> ArraySlice<UInt8> {
    file.bytes[Int(token.start)..<token.end]
  }

  /// Interns the identifier `token` (an identifier's or keyword's payload is the hash of its bytes).
  mutating func intern(_ token: Token) -> NameID {
    let hash = token.kind.isIdentifierShaped ? token.payload
      : NameInterner.hash(bytes, start: token.start, length: token.length)
    return names.intern(bytes, start: token.start, length: token.length, hash: hash)
  }

  /// Skips to the end of the current logical line (and past a block that follows it).
  mutating func skipLine() {
    var depth = 0
    while !at(.endOfFile) {
      switch kind {
      case .newline where depth == 0:
        advance()
        if at(.indent) { skipBlock() }
        return
      case .indent: depth += 1
      case .dedent:
        if depth == 0 { return }
        depth -= 1
      default: break
      }
      advance()
    }
  }

  /// Skips an indented block starting at INDENT, through its DEDENT.
  mutating func skipBlock() {
    var depth = 0
    repeat {
      if at(.indent) { depth += 1 }
      if at(.dedent) { depth -= 1 }
      advance()
    } while depth > 0 && !at(.endOfFile)
  }

  // MARK: - Node construction

  mutating func addExpr(_ kind: ExprKind, op: Operator = .add, offset: UInt32, a: UInt32 = 0, b: UInt32 = 0, c: UInt32 = 0) -> ExprID {
    var node = ExprNode(kind: kind, op: op, offset: offset, a: a, b: b, c: c)
    var depth: UInt32
    if kind == .binary, tree.expressions[Int(a)].kind == .binary {
      // A flat left-associative chain (`a + b - c ...`, `x and y and z`) is one level however
      // long: every later pass walks a binary node's left spine in a loop.
      depth = max(UInt32(tree.expressions[Int(a)].depth), UInt32(tree.expressions[Int(b)].depth) + 1)
    } else {
      depth = Parser.subtreeDepth(node, tree.expressions, tree.arguments, tree.exprLists) + 1
    }
    node.depth = UInt16(truncatingIfNeeded: depth)
    if depth > UInt32(Parser.maximumNesting) {
      // Replaced by an invalid leaf, so no later pass recurses through the deep part; input
      // deeper still hits the limit again, reported once per statement.
      if tooDeepStatement != statementStart {
        report(SyntaxDiagnostics.nestedTooDeeply(Parser.maximumNesting, location(offset)))
        tooDeepStatement = statementStart
      }
      node = ExprNode(kind: .invalid, op: op, offset: offset, a: 0, b: 0, c: 0)
    }
    tree.expressions.append(node)
    return ExprID(tree.expressions.count - 1)
  }

  /// The depth of the deepest child of `node`. Static, with the arrays it reads as arguments:
  /// a method on the (large) parser would copy it for every node.
  private static func subtreeDepth(_ node: ExprNode, _ expressions: [ExprNode], _ arguments: [Argument],
                                   _ exprLists: [ExprID]) -> UInt32 {
    func d(_ id: UInt32) -> UInt32 { id == UInt32.max ? 0 : UInt32(expressions[Int(id)].depth) }
    switch node.kind {
    case .name, .intLiteral, .floatLiteral, .stringLiteral, .boolLiteral, .invalid, .noneLiteral: return 0
    case .unary, .member, .transfer: return d(node.a)
    case .binary, .index, .byteIndex: return max(d(node.a), d(node.b))
    case .ternary: return max(d(node.a), d(node.b), d(node.c))
    case .call:
      var m = d(node.a)
      for k in Int(node.b)..<Int(node.b + node.c) { m = max(m, d(arguments[k].value.index)) }
      return m
    case .dictLiteral:
      var m: UInt32 = 0
      for k in Int(node.a)..<Int(node.a + 2 * node.b) { m = max(m, d(exprLists[k].index)) }
      return m
    case .listComprehension, .setComprehension, .dictComprehension, .comprehensionClause:
      var m: UInt32 = 0
      for k in Int(node.a)..<Int(node.a + (node.kind == .dictComprehension ? 4 : 3)) { m = max(m, d(exprLists[k].index)) }
      return m
    case .comparison, .listLiteral, .tuple, .setLiteral:
      var m: UInt32 = 0
      for k in Int(node.a)..<Int(node.a + node.b) { m = max(m, d(exprLists[k].index)) }
      return m
    case .slice:
      var m = d(node.a)
      for k in Int(node.b)..<Int(node.b + 3) { m = max(m, d(exprLists[k].index)) }
      return m
    }
  }

  mutating func addStmt(_ kind: StmtKind, op: Operator = .add, offset: UInt32, a: UInt32 = 0, b: UInt32 = 0, c: UInt32 = 0) -> StmtID {
    tree.statements.append(StmtNode(kind: kind, op: op, offset: offset, a: a, b: b, c: c))
    return StmtID(tree.statements.count - 1)
  }

  /// Moves the statements above `base` of `statementScratch` into a block.
  mutating func addBlock(fromScratch base: Int) -> Block {
    let start = UInt32(tree.blockStatements.count)
    let count = statementScratch.count - base
    tree.blockStatements.append(contentsOf: statementScratch[base...])
    statementScratch.removeSubrange(base...)
    return Block(start: start, count: UInt32(count))
  }

  /// Stores a block in `tree.blocks` and returns its index (for statement fields).
  mutating func addBlockIndex(_ block: Block) -> UInt32 {
    tree.blocks.append(block)
    return UInt32(tree.blocks.count - 1)
  }
}
