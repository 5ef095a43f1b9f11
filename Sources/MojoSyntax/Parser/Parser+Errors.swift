//! Errors (LANGUAGE.md §15 item 1): `raise [e]` and `try` / `except [NAME]` / `else` / `finally`.
//! `raises` on a function is read with its signature (`Parser+Declarations`).
import MojoDiagnostics

extension Parser {
  /// `raise e` or a bare `raise` (the caller saw `raise`).
  mutating func parseRaise() -> StmtID {
    let offset = current.start
    advance()  // raise
    let atEnd = at(.newline) || at(.semicolon) || at(.endOfFile) || at(.dedent)
    let value = atEnd ? ExprID.none : parseExpression()
    return addStmt(.raiseError, offset: offset, a: value.index)
  }

  /// `try: block` followed by `except [NAME]: block`, `else: block`, `finally: block` (in this
  /// order; an `else` needs an `except`, and one of `except`/`finally` must be present).
  mutating func parseTry() -> StmtID {
    let offset = current.start
    advance()  // try
    var clauses = TryStatement(body: parseBlock(missingColon: "expected ':' after 'try'"), hasExcept: false,
                               errorName: .none, errorOffset: offset, handler: .empty, elseBlock: nil, finallyBlock: nil)
    if at(.kwExcept) {
      clauses.hasExcept = true
      clauses.errorOffset = current.start
      advance()
      if at(.identifier) {
        clauses.errorName = intern(current)
        clauses.errorOffset = current.start
        advance()
      }
      clauses.handler = parseBlock(missingColon: "expected ':' after 'except'")
      if at(.kwExcept) {
        // Mojo 1.2 has one `except` per `try` (every error is an `Error`).
        report(SyntaxDiagnostics.unexpectedToken(location(current.start)))
        while at(.kwExcept) { advance(); skipLine() }
      }
    }
    if clauses.hasExcept && at(.kwElse) {
      advance()
      clauses.elseBlock = parseBlock(missingColon: "expected ':' after else")
    }
    if at(.kwFinally) {
      advance()
      clauses.finallyBlock = parseBlock(missingColon: "expected ':' after 'finally'")
    }
    if !clauses.hasExcept && clauses.finallyBlock == nil {
      report(SyntaxDiagnostics.expected("'except' or 'finally' block", location(current.start)))
    }
    tree.tryStatements.append(clauses)
    return addStmt(.tryStatement, offset: offset, a: UInt32(tree.tryStatements.count - 1))
  }
}
