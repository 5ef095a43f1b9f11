//! The parser's core: a cursor over the token array and the house rules (as swift-syntax's
//! Parser.swift states them): token-consuming functions are `mutating`; peek with `at`, consume
//! with `eat`, require with `expect`; bad input never throws — the parser records a diagnostic,
//! resynchronizes at the next line and returns an `invalid` node; every loop makes progress.
//! One file per grammar area: `Parser+Declarations`, `Parser+Statements`, `Parser+Expressions`.
import MojoDiagnostics

/// Parses one file's tokens into a `SyntaxTree`.
public struct Parser {
  let file: SourceFile
  let tokens: [Token]
  var position = 0
  var tree = SyntaxTree()
  var nameTable: [String: UInt32] = [:]
  var diagnostics: [Diagnostic] = []
  /// Offsets at which a diagnostic was already reported, so that recovery does not repeat one.
  var reportedOffsets = Set<UInt32>()

  init(file: SourceFile, stream: TokenStream) {
    self.file = file
    self.tokens = stream.tokens
    self.tree.strings = stream.strings
  }

  /// Lexes and parses a file. Always returns a tree; problems are in the diagnostics.
  public static func parse(_ file: SourceFile) -> (SyntaxTree, [Diagnostic]) {
    let (stream, lexDiagnostics) = Lexer.tokenize(file)
    var parser = Parser(file: file, stream: stream)
    parser.diagnostics = lexDiagnostics
    parser.parseModule()
    let diagnostics = parser.diagnostics.sorted { $0.location.offset < $1.location.offset }
    return (parser.tree, diagnostics)
  }

  // MARK: - Cursor

  var current: Token { tokens[position] }
  var kind: TokenKind { tokens[position].kind }
  func peek(_ n: Int = 1) -> TokenKind { tokens[min(position + n, tokens.count - 1)].kind }

  func at(_ k: TokenKind) -> Bool { kind == k }

  mutating func advance() {
    if position < tokens.count - 1 { position += 1 }
  }

  /// Consumes the current token if it is `k`.
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
    if reportedOffsets.insert(UInt32(d.location.offset)).inserted { diagnostics.append(d) }
  }

  /// The source text of the current token (identifiers are interned from it).
  func text(of token: Token) -> ArraySlice<UInt8> {
    file.bytes[Int(token.start)..<token.end]
  }

  /// Interns the identifier `token`.
  mutating func intern(_ token: Token) -> NameID {
    intern(String(decoding: text(of: token), as: UTF8.self))
  }

  mutating func intern(_ s: String) -> NameID {
    if let id = nameTable[s] { return NameID(Int(id)) }
    let id = UInt32(tree.names.count)
    tree.names.append(s)
    nameTable[s] = id
    return NameID(Int(id))
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
    tree.expressions.append(ExprNode(kind: kind, op: op, offset: offset, a: a, b: b, c: c))
    return ExprID(tree.expressions.count - 1)
  }

  mutating func addStmt(_ kind: StmtKind, op: Operator = .add, offset: UInt32, a: UInt32 = 0, b: UInt32 = 0, c: UInt32 = 0) -> StmtID {
    tree.statements.append(StmtNode(kind: kind, op: op, offset: offset, a: a, b: b, c: c))
    return StmtID(tree.statements.count - 1)
  }

  mutating func addBlock(_ statements: [StmtID]) -> Block {
    let start = UInt32(tree.blockStatements.count)
    tree.blockStatements.append(contentsOf: statements)
    return Block(start: start, count: UInt32(statements.count))
  }

  /// Stores a block in `tree.blocks` and returns its index (for statement fields).
  mutating func addBlockIndex(_ block: Block) -> UInt32 {
    tree.blocks.append(block)
    return UInt32(tree.blocks.count - 1)
  }
}
