//! Token kinds and the flat token record the lexer produces.

/// What a token is.
public enum TokenKind: UInt8, Sendable {
  case endOfFile, newline, indent, dedent
  case identifier, intLiteral, floatLiteral, stringLiteral

  // Keywords used by the v1 grammar.
  case kwAnd, kwBreak, kwComptime, kwContinue, kwDef, kwElif, kwElse, kwFalse, kwFor, kwFrom
  case kwIf, kwImport, kwIn, kwNot, kwOr, kwPass, kwReturn, kwStruct, kwTrue, kwVar, kwWhile
  // Keywords of errors (`try`/`except`/`finally`, `raise`).
  case kwTry, kwExcept, kwFinally, kwRaise
  case kwIs, kwNone
  /// `fn`, removed from the language; the parser says so.
  case kwFn
  /// A reserved word of Mojo that v1 does not use (`class`, `try`, `lambda`, ...).
  case kwReserved

  // Operators and delimiters (LANGUAGE.md §2.7).
  case plus, minus, star, slash, slashSlash, percent, starStar, shiftLeft, shiftRight
  case amp, pipe, caret, tilde, less, greater, lessEqual, greaterEqual, equalEqual, notEqual
  case assign, plusAssign, minusAssign, starAssign, slashAssign, slashSlashAssign, percentAssign
  case starStarAssign, shiftLeftAssign, shiftRightAssign, ampAssign, pipeAssign, caretAssign
  case leftParen, rightParen, leftBracket, rightBracket, leftBrace, rightBrace
  case comma, colon, dot, semicolon, arrow, at
  /// A byte sequence that is no token (already diagnosed).
  case invalid
}

/// One token: kind and byte range, plus an index into the string table for string literals.
public struct Token: Sendable, Equatable {
  public var kind: TokenKind
  /// Byte offset of the first byte.
  public var start: UInt32
  /// Length in bytes.
  public var length: UInt32
  /// For `stringLiteral`: index into `TokenStream.strings` of the decoded bytes; for
  /// identifiers and keywords: the FNV-1a hash of the bytes (the name interner's key).
  public var payload: UInt32

  /// Makes a token.
  public init(kind: TokenKind, start: UInt32, length: UInt32, payload: UInt32 = 0) {
    self.kind = kind
    self.start = start
    self.length = length
    self.payload = payload
  }

  /// The byte offset one past the token.
  public var end: Int { Int(start + length) }
}

/// The lexer's output for one file.
public struct TokenStream: Sendable {
  /// Owns the token buffer the lexer filled (no copy into an array).
  let storage: TokenStorage
  /// All tokens, ending with `endOfFile`; valid while this stream (or a copy) lives.
  public var tokens: UnsafeBufferPointer<Token> { UnsafeBufferPointer(start: storage.base, count: storage.count) }
  /// Decoded bytes of string literals (escapes resolved).
  public var strings: [[UInt8]] = []
}

/// A buffer of tokens, freed with its last reference; written only by the lexer that made it.
final class TokenStorage: @unchecked Sendable {
  let base: UnsafeMutablePointer<Token>
  let count: Int

  init(base: UnsafeMutablePointer<Token>, count: Int) {
    self.base = base
    self.count = count
  }

  deinit { base.deallocate() }
}

extension TokenKind {
  /// True for identifiers and keywords (whose payload is the hash of their bytes).
  @inline(__always)
  public var isIdentifierShaped: Bool {
    self == .identifier || (rawValue >= TokenKind.kwAnd.rawValue && rawValue <= TokenKind.kwReserved.rawValue)
  }

  /// True for the augmented assignment operators.
  public var isAugmentedAssign: Bool {
    switch self {
    case .plusAssign, .minusAssign, .starAssign, .slashAssign, .slashSlashAssign, .percentAssign,
         .starStarAssign, .shiftLeftAssign, .shiftRightAssign, .ampAssign, .pipeAssign, .caretAssign:
      true
    default: false
    }
  }

  /// The binary operator an augmented assignment applies (`+=` gives `+`).
  public var augmentedOperator: TokenKind? {
    switch self {
    case .plusAssign: .plus
    case .minusAssign: .minus
    case .starAssign: .star
    case .slashAssign: .slash
    case .slashSlashAssign: .slashSlash
    case .percentAssign: .percent
    case .starStarAssign: .starStar
    case .shiftLeftAssign: .shiftLeft
    case .shiftRightAssign: .shiftRight
    case .ampAssign: .amp
    case .pipeAssign: .pipe
    case .caretAssign: .caret
    default: nil
    }
  }
}
