//! Turns a file's UTF-8 bytes into tokens, producing NEWLINE, INDENT and DEDENT from the
//! indentation rules of LANGUAGE.md §2.1: indentation strings are compared as strings, a nested
//! block extends its parent's string, a dedent must return exactly to an enclosing one. Inside
//! brackets and after a trailing backslash, line breaks and indentation are insignificant.
import MojoDiagnostics

/// Lexes one source file. Reports problems into `diagnostics` and always returns a token stream
/// ending in `endOfFile` (preceded by the NEWLINE and DEDENTs that close open blocks).
public struct Lexer {
  let file: SourceFile
  /// The file's bytes, valid while `tokenize` runs (no bounds-checked array on the hot path).
  let bytes: UnsafeBufferPointer<UInt8>
  var pos = 0
  var stream = TokenStream()
  /// Indentation strings of the open blocks, as byte ranges into the file; the first is empty.
  private var indentStack: [Range<Int>] = [0..<0]
  private var bracketDepth = 0
  /// The last token of the current logical line (to know whether a line opened a block).
  private var lastSignificant: TokenKind = .newline
  /// Whether the previous logical line ended in `:` (only then may the next line indent).
  private var lineOpenedBlock = false
  /// Diagnostics found while lexing.
  public private(set) var diagnostics: [Diagnostic] = []

  /// `ByteClass.table`, valid while `tokenize` runs.
  let classes: UnsafePointer<UInt8>

  private init(file: SourceFile, bytes: UnsafeBufferPointer<UInt8>, classes: UnsafePointer<UInt8>) {
    self.file = file
    self.bytes = bytes
    self.classes = classes
  }

  /// Lexes the whole file.
  public static func tokenize(_ file: SourceFile) -> (TokenStream, [Diagnostic]) {
    withUnsafeBytes(of: ByteClass.table) { table in
      file.bytes.withUnsafeBufferPointer { bytes in
        var lexer = Lexer(file: file, bytes: bytes, classes: table.baseAddress!.assumingMemoryBound(to: UInt8.self))
        lexer.run()
        return (lexer.stream, lexer.diagnostics)
      }
    }
  }

  private mutating func run() {
    // About one token per 2.8 bytes on the generated corpora: reserve enough not to regrow.
    stream.tokens.reserveCapacity(bytes.count * 2 / 5 + 16)
    // A UTF-8 byte order mark is not part of the program.
    if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { pos = 3 }
    var atLineStart = true
    while true {
      if atLineStart && bracketDepth == 0 {
        if !handleLineStart() { break }
        atLineStart = false
      }
      guard pos < bytes.count else { break }
      let b = bytes[pos]
      // Dispatch on the byte's class (a dense switch, compiled to a jump table), not on the
      // byte itself (a chain of range comparisons).
      switch unsafeBitCast(classes[Int(b)], to: ByteClass.self) {
      case .space:
        pos += 1
      case .lineFeed:
        pos += 1
        if bracketDepth == 0 {
          if lastSignificant != .newline { add(.newline, pos - 1, 1) }
          atLineStart = true
        }
      case .hash:
        while pos < bytes.count && bytes[pos] != 0x0A { pos += 1 }
      case .backslash where pos + 1 < bytes.count && (bytes[pos + 1] == 0x0A || bytes[pos + 1] == 0x0D):
        pos += 1
        if bytes[pos] == 0x0D { pos += 1 }
        if pos < bytes.count && bytes[pos] == 0x0A { pos += 1 }
      case .identifierStart:
        // Identifiers and keywords, the most common token: scanned here with a local cursor.
        let start = pos
        var p = pos + 1
        let end = bytes.count
        while p < end && isIdentifierContinue(bytes[p]) { p += 1 }
        if p - start == 1 && (b == UInt8(ascii: "r") || b == UInt8(ascii: "R")) && p < end
          && (bytes[p] == UInt8(ascii: "\"") || bytes[p] == UInt8(ascii: "'")) {
          diagnostics.append(SyntaxDiagnostics.notSupportedYet("a raw string literal", location(start)))
        }
        pos = p
        add(Keywords.kind(of: UnsafeBufferPointer(rebasing: bytes[start..<p])), start, p - start)
      case .comma: pos += 1; add(.comma, pos - 1, 1)
      case .colon: pos += 1; add(.colon, pos - 1, 1)
      case .leftParen: pos += 1; bracketDepth += 1; add(.leftParen, pos - 1, 1)
      case .rightParen: pos += 1; bracketDepth = max(0, bracketDepth - 1); add(.rightParen, pos - 1, 1)
      case .backslash, .other:
        lexToken()
      }
    }
    if lastSignificant != .newline { add(.newline, bytes.count, 0) }
    for _ in 1..<indentStack.count { add(.dedent, bytes.count, 0) }
    add(.endOfFile, bytes.count, 0)
  }

  @inline(__always)
  mutating func add(_ kind: TokenKind, _ start: Int, _ length: Int, payload: UInt32 = 0) {
    stream.tokens.append(Token(kind: kind, start: UInt32(start), length: UInt32(length), payload: payload))
    if kind == .newline { lineOpenedBlock = lastSignificant == .colon }
    if kind != .indent && kind != .dedent { lastSignificant = kind }
  }

  func location(_ offset: Int) -> SourceLocation { SourceLocation(file: file, offset: offset) }

  mutating func reportAt(_ make: (SourceLocation) -> Diagnostic, _ offset: Int) {
    diagnostics.append(make(location(offset)))
  }

  mutating func appendString(_ value: [UInt8], start: Int) {
    stream.strings.append(value)
    add(.stringLiteral, start, pos - start, payload: UInt32(stream.strings.count - 1))
  }

  // MARK: - Indentation

  /// Measures the indentation of the line at `pos`, skipping blank and comment-only lines, and
  /// emits INDENT/DEDENT. Returns false at the end of the file.
  private mutating func handleLineStart() -> Bool {
    while true {
      let lineStart = pos
      while pos < bytes.count && (bytes[pos] == 0x20 || bytes[pos] == 0x09 || bytes[pos] == 0x0C) { pos += 1 }
      guard pos < bytes.count else { return false }
      let c = bytes[pos]
      if c == 0x0A || c == 0x0D || c == UInt8(ascii: "#") {
        while pos < bytes.count && bytes[pos] != 0x0A { pos += 1 }
        if pos < bytes.count { pos += 1 }
        continue
      }
      applyIndentation(lineStart..<pos)
      return true
    }
  }

  private func same(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
    a.count == b.count && equalPrefix(a.lowerBound, b.lowerBound, a.count)
  }

  /// True when `a` and `b` differ at a position inside their common length (tabs vs spaces).
  private func mixes(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
    !equalPrefix(a.lowerBound, b.lowerBound, min(a.count, b.count))
  }

  /// True when the `n` bytes at `a` and at `b` are equal (a plain loop: indentation is short).
  @inline(__always)
  private func equalPrefix(_ a: Int, _ b: Int, _ n: Int) -> Bool {
    var k = 0
    while k < n {
      if bytes[a + k] != bytes[b + k] { return false }
      k += 1
    }
    return true
  }

  private mutating func applyIndentation(_ indent: Range<Int>) {
    let top = indentStack[indentStack.count - 1]
    if same(indent, top) { return }
    if mixes(indent, top) && indentStack.allSatisfy({ !same($0, indent) }) {
      diagnostics.append(SyntaxDiagnostics.mixedTabsAndSpaces(location(indent.upperBound)))
      // After a header the line still opens the block, so no second error follows; elsewhere it
      // is treated as part of the current block.
      if lineOpenedBlock {
        add(.indent, indent.upperBound, 0)
        indentStack.append(indent)
      }
      return
    }
    if indent.count > top.count {
      if lineOpenedBlock {
        add(.indent, indent.upperBound, 0)
        indentStack.append(indent)
      } else {
        diagnostics.append(SyntaxDiagnostics.indentationMismatch(location(indent.upperBound)))
      }
      return
    }
    // A dedent: it must land exactly on an enclosing block's indentation.
    var depth = indentStack.count - 1
    while depth > 0 && indentStack[depth].count > indent.count { depth -= 1 }
    if !same(indentStack[depth], indent) {
      diagnostics.append(SyntaxDiagnostics.indentationMismatch(location(indent.upperBound)))
    }
    while indentStack.count - 1 > depth {
      indentStack.removeLast()
      add(.dedent, indent.upperBound, 0)
    }
  }

  // MARK: - Tokens

  private mutating func lexToken() {
    let start = pos
    let b = bytes[pos]
    if isIdentifierStart(b) {
      pos += 1
      while pos < bytes.count && isIdentifierContinue(bytes[pos]) { pos += 1 }
      if (b == UInt8(ascii: "r") || b == UInt8(ascii: "R")) && pos - start == 1 && pos < bytes.count
        && (bytes[pos] == UInt8(ascii: "\"") || bytes[pos] == UInt8(ascii: "'")) {
        diagnostics.append(SyntaxDiagnostics.notSupportedYet("a raw string literal", location(start)))
      }
      add(Keywords.kind(of: UnsafeBufferPointer(rebasing: bytes[start..<pos])), start, pos - start)
      return
    }
    if isDigit(b) || (b == UInt8(ascii: ".") && pos + 1 < bytes.count && isDigit(bytes[pos + 1])) {
      lexNumber()
      return
    }
    if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
      lexString()
      return
    }
    pos += 1
    let next: UInt8 = pos < bytes.count ? bytes[pos] : 0
    let next2: UInt8 = pos + 1 < bytes.count ? bytes[pos + 1] : 0
    func take(_ kind: TokenKind, _ extra: Int) -> TokenKind {
      pos += extra
      return kind
    }
    let kind: TokenKind
    switch b {
    case UInt8(ascii: "+"): kind = next == 0x3D ? take(.plusAssign, 1) : .plus
    case UInt8(ascii: "-"):
      kind = next == 0x3D ? take(.minusAssign, 1) : next == UInt8(ascii: ">") ? take(.arrow, 1) : .minus
    case UInt8(ascii: "*"):
      if next == UInt8(ascii: "*") { kind = next2 == 0x3D ? take(.starStarAssign, 2) : take(.starStar, 1) }
      else { kind = next == 0x3D ? take(.starAssign, 1) : .star }
    case UInt8(ascii: "/"):
      if next == UInt8(ascii: "/") { kind = next2 == 0x3D ? take(.slashSlashAssign, 2) : take(.slashSlash, 1) }
      else { kind = next == 0x3D ? take(.slashAssign, 1) : .slash }
    case UInt8(ascii: "%"): kind = next == 0x3D ? take(.percentAssign, 1) : .percent
    case UInt8(ascii: "<"):
      if next == UInt8(ascii: "<") { kind = next2 == 0x3D ? take(.shiftLeftAssign, 2) : take(.shiftLeft, 1) }
      else { kind = next == 0x3D ? take(.lessEqual, 1) : .less }
    case UInt8(ascii: ">"):
      if next == UInt8(ascii: ">") { kind = next2 == 0x3D ? take(.shiftRightAssign, 2) : take(.shiftRight, 1) }
      else { kind = next == 0x3D ? take(.greaterEqual, 1) : .greater }
    case UInt8(ascii: "="): kind = next == 0x3D ? take(.equalEqual, 1) : .assign
    case UInt8(ascii: "!") where next == 0x3D: kind = take(.notEqual, 1)
    case UInt8(ascii: "&"): kind = next == 0x3D ? take(.ampAssign, 1) : .amp
    case UInt8(ascii: "|"): kind = next == 0x3D ? take(.pipeAssign, 1) : .pipe
    case UInt8(ascii: "^"): kind = next == 0x3D ? take(.caretAssign, 1) : .caret
    case UInt8(ascii: "~"): kind = .tilde
    case UInt8(ascii: "("): bracketDepth += 1; kind = .leftParen
    case UInt8(ascii: ")"): bracketDepth = max(0, bracketDepth - 1); kind = .rightParen
    case UInt8(ascii: "["): bracketDepth += 1; kind = .leftBracket
    case UInt8(ascii: "]"): bracketDepth = max(0, bracketDepth - 1); kind = .rightBracket
    case UInt8(ascii: "{"): bracketDepth += 1; kind = .leftBrace
    case UInt8(ascii: "}"): bracketDepth = max(0, bracketDepth - 1); kind = .rightBrace
    case UInt8(ascii: ","): kind = .comma
    case UInt8(ascii: ":"): kind = .colon
    case UInt8(ascii: "."): kind = .dot
    case UInt8(ascii: ";"): kind = .semicolon
    case UInt8(ascii: "@"): kind = .at
    default:
      // Skip the rest of a multi-byte UTF-8 sequence so one character gives one diagnostic.
      while pos < bytes.count && bytes[pos] & 0xC0 == 0x80 { pos += 1 }
      diagnostics.append(SyntaxDiagnostics.unexpectedCharacter(location(start)))
      kind = .invalid
    }
    add(kind, start, pos - start)
  }

  private mutating func lexNumber() {
    let start = pos
    var isFloat = false
    var valid = true
    if bytes[pos] == UInt8(ascii: "0") && pos + 1 < bytes.count && isRadixLetter(bytes[pos + 1]) {
      pos += 2
      let digitsStart = pos
      while pos < bytes.count && (isHexDigit(bytes[pos]) || bytes[pos] == UInt8(ascii: "_")) { pos += 1 }
      valid = pos > digitsStart
    } else {
      while pos < bytes.count && (isDigit(bytes[pos]) || bytes[pos] == UInt8(ascii: "_")) { pos += 1 }
      if pos < bytes.count && bytes[pos] == UInt8(ascii: ".") && !(pos + 1 < bytes.count && isIdentifierStart(bytes[pos + 1]) && bytes[pos + 1] != UInt8(ascii: "e") && bytes[pos + 1] != UInt8(ascii: "E")) {
        isFloat = true
        pos += 1
        while pos < bytes.count && (isDigit(bytes[pos]) || bytes[pos] == UInt8(ascii: "_")) { pos += 1 }
      }
      if pos < bytes.count && (bytes[pos] == UInt8(ascii: "e") || bytes[pos] == UInt8(ascii: "E")) {
        var p = pos + 1
        if p < bytes.count && (bytes[p] == UInt8(ascii: "+") || bytes[p] == UInt8(ascii: "-")) { p += 1 }
        if p < bytes.count && isDigit(bytes[p]) {
          isFloat = true
          pos = p
          while pos < bytes.count && isDigit(bytes[pos]) { pos += 1 }
        }
      }
      if !isFloat && pos - start > 1 && bytes[start] == UInt8(ascii: "0") && bytes[start..<pos].contains(where: { $0 != UInt8(ascii: "0") && $0 != UInt8(ascii: "_") }) {
        valid = false  // `007`: a leading zero is not allowed in a decimal literal
      }
    }
    if pos < bytes.count && isIdentifierContinue(bytes[pos]) {
      valid = false
      while pos < bytes.count && isIdentifierContinue(bytes[pos]) { pos += 1 }
    }
    if !valid { diagnostics.append(SyntaxDiagnostics.invalidNumber(location(start))) }
    add(valid ? (isFloat ? .floatLiteral : .intLiteral) : .invalid, start, pos - start)
  }
}

// MARK: - Character classes

/// What the main loop of the lexer does with a byte.
enum ByteClass: UInt8 {
  case other, space, lineFeed, hash, backslash, identifierStart, comma, colon, leftParen, rightParen

  /// Byte to class (256 bytes; the lexer reads it through a pointer taken once per file).
  static let table: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                     UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                     UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = makeTable()

  private static func makeTable() -> (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                                      UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                                      UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                                      UInt64, UInt64) {
    var t: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
            UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
            UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                                                               0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    withUnsafeMutableBytes(of: &t) { table in
      for b in 0..<256 {
        let c: ByteClass
        switch UInt8(b) {
        case 0x20, 0x09, 0x0C, 0x0D: c = .space
        case 0x0A: c = .lineFeed
        case UInt8(ascii: "#"): c = .hash
        case UInt8(ascii: "\\"): c = .backslash
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"):
          c = .identifierStart
        case UInt8(ascii: ","): c = .comma
        case UInt8(ascii: ":"): c = .colon
        case UInt8(ascii: "("): c = .leftParen
        case UInt8(ascii: ")"): c = .rightParen
        default: c = .other
        }
        table[b] = c.rawValue
      }
    }
    return t
  }
}

@inline(__always) func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
@inline(__always) func isHexDigit(_ b: UInt8) -> Bool { isDigit(b) || (b | 0x20) &- 0x61 < 6 }
@inline(__always) func isIdentifierStart(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 || b == 0x5F }
@inline(__always) func isIdentifierContinue(_ b: UInt8) -> Bool { isIdentifierStart(b) || isDigit(b) }
@inline(__always) func isRadixLetter(_ b: UInt8) -> Bool {
  let l = b | 0x20
  return l == UInt8(ascii: "x") || l == UInt8(ascii: "o") || l == UInt8(ascii: "b")
}
