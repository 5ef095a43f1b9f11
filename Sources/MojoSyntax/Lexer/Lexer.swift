//! Turns a file's UTF-8 bytes into tokens, producing NEWLINE, INDENT and DEDENT from the
//! indentation rules of LANGUAGE.md §2.1: indentation strings are compared as strings, a nested
//! block extends its parent's string, a dedent must return exactly to an enclosing one. Inside
//! brackets and after a trailing backslash, line breaks and indentation are insignificant.
import MojoDiagnostics

/// Lexes one source file. Reports problems into `diagnostics` and always returns a token stream
/// ending in `endOfFile` (preceded by the NEWLINE and DEDENTs that close open blocks).
///
/// The bytes are read from a copy of the file followed by `padding` zero bytes: scanning loops
/// stop at the zero without a bounds check, and a keyword is read as one unaligned 8-byte load.
/// Tokens go into a buffer the lexer grows itself (no uniqueness check per append).
public struct Lexer {
  let file: SourceFile
  /// The file's bytes (`count` is the file's size; `padding` zero bytes follow), valid while
  /// `tokenize` runs.
  let bytes: UnsafeBufferPointer<UInt8>
  /// `bytes.baseAddress`.
  let base: UnsafePointer<UInt8>
  /// `ByteClass.table`, valid while `tokenize` runs.
  let classes: UnsafePointer<UInt8>
  var pos = 0
  /// Decoded bytes of string literals, indexed by a string token's payload.
  var strings: [[UInt8]] = []
  /// The tokens made so far: `tokenCount` of `tokenCapacity` slots are initialized.
  private var tokenBuffer: UnsafeMutablePointer<Token>
  private var tokenCount = 0
  private var tokenCapacity: Int
  /// Indentation strings of the open blocks, as byte ranges into the file; the first is empty.
  private var indentStack: [Range<Int>] = [0..<0]
  /// How many entries of `indentStack` contain a byte other than a space (then indentation is
  /// compared byte by byte; otherwise by length alone).
  private var mixedIndents = 0
  private var bracketDepth = 0
  /// Whether the previous logical line ended in `:` (only then may the next line indent).
  private var lineOpenedBlock = false
  /// Diagnostics found while lexing.
  public private(set) var diagnostics: [Diagnostic] = []

  /// Zero bytes after the file's last byte.
  static let padding = 16

  private init(file: SourceFile, bytes: UnsafeBufferPointer<UInt8>, classes: UnsafePointer<UInt8>) {
    self.file = file
    self.classes = classes
    self.bytes = bytes
    self.base = bytes.baseAddress!
    // About one token per 2.5 to 2.8 bytes on the generated corpora: reserve enough not to regrow.
    tokenCapacity = bytes.count / 2 + 64
    tokenBuffer = .allocate(capacity: tokenCapacity)
  }

  /// Lexes the whole file.
  public static func tokenize(_ file: SourceFile) -> (TokenStream, [Diagnostic]) {
    let count = file.bytes.count
    let padded = UnsafeMutablePointer<UInt8>.allocate(capacity: count + padding)
    defer { padded.deallocate() }
    file.bytes.withUnsafeBufferPointer { source in
      if count > 0 { padded.initialize(from: source.baseAddress!, count: count) }
    }
    (padded + count).initialize(repeating: 0, count: padding)
    return ByteClass.table.withUnsafeBufferPointer { classes in
      var lexer = Lexer(file: file, bytes: UnsafeBufferPointer(start: padded, count: count), classes: classes.baseAddress!)
      lexer.run()
      let stream = TokenStream(storage: TokenStorage(base: lexer.tokenBuffer, count: lexer.tokenCount),
                               strings: lexer.strings)
      return (stream, lexer.diagnostics)
    }
  }

  private mutating func run() {
    let p = base
    let end = bytes.count
    // A UTF-8 byte order mark is not part of the program.
    if end >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF { pos = 3 }
    var atLineStart = true
    while true {
      if atLineStart && bracketDepth == 0 {
        if !handleLineStart() { break }
        atLineStart = false
      }
      var b = p[pos]
      while b == 0x20 { pos += 1; b = p[pos] }
      // Dispatch on the byte's class (a dense switch, compiled to a jump table), not on the
      // byte itself (a chain of range comparisons).
      switch ByteClass(rawValue: classes[Int(b)] & ByteClass.classMask).unsafelyUnwrapped {
      case .space:
        pos += 1
      case .end:
        if pos >= end { return finish() }
        lexToken()
      case .lineFeed:
        pos += 1
        if bracketDepth == 0 {
          let last = lastSignificant
          if last != .newline {
            lineOpenedBlock = last == .colon
            add(.newline, pos - 1, 1)
          }
          atLineStart = true
        }
      case .hash:
        while p[pos] != 0x0A && pos < end { pos += 1 }
      case .backslash where p[pos + 1] == 0x0A || p[pos + 1] == 0x0D:
        pos += 1
        if p[pos] == 0x0D { pos += 1 }
        if p[pos] == 0x0A && pos < end { pos += 1 }
      case .identifierStart:
        // Identifiers and keywords, the most common token: scanned here with a local cursor.
        let start = pos
        var q = pos + 1
        var hash = NameInterner.step(NameInterner.initialHash, b)
        while true {
          let c = p[q]
          if classes[Int(c)] & ByteClass.identifierContinue == 0 { break }
          hash = NameInterner.step(hash, c)
          q += 1
        }
        let length = q - start
        pos = q
        var kind = TokenKind.identifier
        if length >= 2 && length <= 8 {
          let word = UnsafeRawPointer(p + start).loadUnaligned(as: UInt64.self)
          kind = Keywords.kind(packed: length == 8 ? word : word & ((1 << (8 * UInt64(length))) - 1))
        } else if length == 1 && (b == UInt8(ascii: "r") || b == UInt8(ascii: "R"))
          && (p[q] == UInt8(ascii: "\"") || p[q] == UInt8(ascii: "'")) {
          diagnostics.append(SyntaxDiagnostics.notSupportedYet("a raw string literal", location(start)))
        }
        add(kind, start, length, payload: hash)
      case .digit:
        lexNumber()
      case .comma: pos += 1; add(.comma, pos - 1, 1)
      case .colon: pos += 1; add(.colon, pos - 1, 1)
      case .leftParen: pos += 1; bracketDepth += 1; add(.leftParen, pos - 1, 1)
      case .rightParen: pos += 1; bracketDepth = max(0, bracketDepth - 1); add(.rightParen, pos - 1, 1)
      case .backslash, .other:
        lexToken()
      }
    }
    finish()
  }

  /// Closes the open line and blocks and ends the stream.
  private mutating func finish() {
    if lastSignificant != .newline { add(.newline, bytes.count, 0) }
    for _ in 1..<indentStack.count { add(.dedent, bytes.count, 0) }
    add(.endOfFile, bytes.count, 0)
  }

  @inline(__always)
  mutating func add(_ kind: TokenKind, _ start: Int, _ length: Int, payload: UInt32 = 0) {
    if tokenCount == tokenCapacity { growTokens() }
    (tokenBuffer + tokenCount).initialize(to: Token(kind: kind, start: UInt32(start), length: UInt32(length),
                                                    payload: payload))
    tokenCount += 1
  }

  /// The last token other than INDENT and DEDENT (`newline` before the first token).
  private var lastSignificant: TokenKind {
    var k = tokenCount - 1
    while k >= 0 {
      let kind = tokenBuffer[k].kind
      if kind != .indent && kind != .dedent { return kind }
      k -= 1
    }
    return .newline
  }

  /// Doubles the token buffer.
  private mutating func growTokens() {
    let bigger = UnsafeMutablePointer<Token>.allocate(capacity: tokenCapacity * 2)
    bigger.moveInitialize(from: tokenBuffer, count: tokenCount)
    tokenBuffer.deallocate()
    tokenBuffer = bigger
    tokenCapacity *= 2
  }

  func location(_ offset: Int) -> SourceLocation { SourceLocation(file: file, offset: offset) }

  mutating func reportAt(_ make: (SourceLocation) -> Diagnostic, _ offset: Int) {
    diagnostics.append(make(location(offset)))
  }

  mutating func appendString(_ value: [UInt8], start: Int) {
    strings.append(value)
    add(.stringLiteral, start, pos - start, payload: UInt32(strings.count - 1))
  }

  // MARK: - Indentation

  /// Measures the indentation of the line at `pos`, skipping blank and comment-only lines, and
  /// emits INDENT/DEDENT. Returns false at the end of the file.
  private mutating func handleLineStart() -> Bool {
    let p = base
    while true {
      let lineStart = pos
      while p[pos] == 0x20 { pos += 1 }
      var onlySpaces = true
      while p[pos] == 0x20 || p[pos] == 0x09 || p[pos] == 0x0C {
        if p[pos] != 0x20 { onlySpaces = false }
        pos += 1
      }
      let c = p[pos]
      if c == 0 && pos >= bytes.count { return false }
      if c == 0x0A || c == 0x0D || c == UInt8(ascii: "#") {
        while p[pos] != 0x0A && pos < bytes.count { pos += 1 }
        if pos < bytes.count { pos += 1 }
        continue
      }
      if onlySpaces && mixedIndents == 0 {
        applySpaceIndentation(lineStart..<pos)
      } else {
        applyIndentation(lineStart..<pos)
      }
      return true
    }
  }

  /// `applyIndentation` when this line and every open block are indented by spaces alone: then
  /// two indentations are the same exactly when their lengths are.
  private mutating func applySpaceIndentation(_ indent: Range<Int>) {
    let top = indentStack[indentStack.count - 1].count
    let width = indent.count
    if width == top { return }
    if width > top {
      if lineOpenedBlock {
        add(.indent, indent.upperBound, 0)
        indentStack.append(indent)
      } else {
        diagnostics.append(SyntaxDiagnostics.indentationMismatch(location(indent.upperBound)))
      }
      return
    }
    var depth = indentStack.count - 1
    while depth > 0 && indentStack[depth].count > width { depth -= 1 }
    if indentStack[depth].count != width {
      diagnostics.append(SyntaxDiagnostics.indentationMismatch(location(indent.upperBound)))
    }
    while indentStack.count - 1 > depth {
      indentStack.removeLast()
      add(.dedent, indent.upperBound, 0)
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
      if base[a + k] != base[b + k] { return false }
      k += 1
    }
    return true
  }

  /// True when the indentation `r` holds a byte other than a space.
  private func isMixed(_ r: Range<Int>) -> Bool {
    for k in r where base[k] != 0x20 { return true }
    return false
  }

  private mutating func pushIndent(_ indent: Range<Int>) {
    add(.indent, indent.upperBound, 0)
    indentStack.append(indent)
    if isMixed(indent) { mixedIndents += 1 }
  }

  private mutating func popIndent(at offset: Int) {
    if isMixed(indentStack.removeLast()) { mixedIndents -= 1 }
    add(.dedent, offset, 0)
  }

  private mutating func applyIndentation(_ indent: Range<Int>) {
    let top = indentStack[indentStack.count - 1]
    if same(indent, top) { return }
    if mixes(indent, top) && indentStack.allSatisfy({ !same($0, indent) }) {
      diagnostics.append(SyntaxDiagnostics.mixedTabsAndSpaces(location(indent.upperBound)))
      // After a header the line still opens the block, so no second error follows; elsewhere it
      // is treated as part of the current block.
      if lineOpenedBlock { pushIndent(indent) }
      return
    }
    if indent.count > top.count {
      if lineOpenedBlock {
        pushIndent(indent)
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
    while indentStack.count - 1 > depth { popIndent(at: indent.upperBound) }
  }

  // MARK: - Tokens

  /// Lexes the token at `pos` that is not an identifier, a number starting with a digit, or
  /// one of the single-byte tokens the main loop handles: operators, brackets, strings, `.5`.
  private mutating func lexToken() {
    let start = pos
    let p = base
    let b = p[pos]
    if b == UInt8(ascii: ".") && isDigit(p[pos + 1]) {
      lexNumber()
      return
    }
    if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
      lexString()
      return
    }
    pos += 1
    // The padding makes both reads safe; past the end they are 0.
    let next = p[pos]
    let next2 = p[pos + 1]
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
      while pos < bytes.count && p[pos] & 0xC0 == 0x80 { pos += 1 }
      diagnostics.append(SyntaxDiagnostics.unexpectedCharacter(location(start)))
      kind = .invalid
    }
    add(kind, start, pos - start)
  }

  /// Consumes `extra` more bytes of an operator and returns its kind.
  @inline(__always)
  private mutating func take(_ kind: TokenKind, _ extra: Int) -> TokenKind {
    pos += extra
    return kind
  }

  private mutating func lexNumber() {
    let start = pos
    // The common case: decimal digits (not starting with 0, nor `.5`) followed by a byte that
    // continues no number.
    if base[pos] != UInt8(ascii: "0") && isDigit(base[pos]) {
      var q = pos + 1
      while isDigit(base[q]) { q += 1 }
      let after = base[q]
      if classes[Int(after)] & ByteClass.identifierContinue == 0 && after != UInt8(ascii: ".") {
        pos = q
        add(.intLiteral, start, q - start)
        return
      }
    }
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
  /// A digit: a number starts.
  case digit
  /// Zero: the end of the file (or a stray zero byte in it).
  case end

  /// The bits of a `table` entry that hold the class.
  static let classMask: UInt8 = 0x7F
  /// The bit of a `table` entry set for bytes that continue an identifier.
  static let identifierContinue: UInt8 = 0x80

  /// Byte to class, plus the `identifierContinue` bit (256 bytes, a constant C array).
  static let table: [UInt8] = (0..<256).map { b in
    let c: ByteClass
    switch UInt8(b) {
    case 0: c = .end
    case 0x20, 0x09, 0x0C, 0x0D: c = .space
    case 0x0A: c = .lineFeed
    case UInt8(ascii: "#"): c = .hash
    case UInt8(ascii: "\\"): c = .backslash
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"):
      c = .identifierStart
    case UInt8(ascii: "0")...UInt8(ascii: "9"): c = .digit
    case UInt8(ascii: ","): c = .comma
    case UInt8(ascii: ":"): c = .colon
    case UInt8(ascii: "("): c = .leftParen
    case UInt8(ascii: ")"): c = .rightParen
    default: c = .other
    }
    return c.rawValue | (isIdentifierContinue(UInt8(b)) ? identifierContinue : 0)
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
