//! Keyword recognition without allocating or hashing: the word (2 to 8 bytes) is packed
//! little-endian into a UInt64 and matched by a `switch` over constants, which compiles to a
//! branch tree. The constants are the words' bytes; `KeywordTests` checks every word.

/// The reserved words of LANGUAGE.md §2.3.
enum Keywords {
  /// The token kind of an identifier-shaped byte sequence: a keyword kind or `.identifier`.
  @inline(__always)
  static func kind(of word: UnsafeBufferPointer<UInt8>) -> TokenKind {
    guard word.count >= 2 && word.count <= 8 else { return .identifier }
    var key: UInt64 = 0
    for i in 0..<word.count { key |= UInt64(word[i]) << (8 * UInt64(i)) }
    return kind(packed: key)
  }

  /// The token kind of `word`, for callers holding an array slice.
  static func kind(of word: ArraySlice<UInt8>) -> TokenKind {
    word.withUnsafeBufferPointer { kind(of: $0) }
  }

  /// Every keyword's spelling and kind (for tests and messages).
  static let all: [(String, TokenKind)] = [
    ("and", .kwAnd),
    ("break", .kwBreak),
    ("comptime", .kwComptime),
    ("continue", .kwContinue),
    ("def", .kwDef),
    ("elif", .kwElif),
    ("else", .kwElse),
    ("False", .kwFalse),
    ("for", .kwFor),
    ("from", .kwFrom),
    ("if", .kwIf),
    ("import", .kwImport),
    ("in", .kwIn),
    ("not", .kwNot),
    ("or", .kwOr),
    ("pass", .kwPass),
    ("return", .kwReturn),
    ("struct", .kwStruct),
    ("True", .kwTrue),
    ("var", .kwVar),
    ("while", .kwWhile),
    ("fn", .kwFn),
    ("as", .kwReserved),
    ("assert", .kwReserved),
    ("async", .kwReserved),
    ("await", .kwReserved),
    ("case", .kwReserved),
    ("class", .kwReserved),
    ("del", .kwReserved),
    ("except", .kwExcept),
    ("finally", .kwFinally),
    ("global", .kwReserved),
    ("is", .kwIs),
    ("lambda", .kwReserved),
    ("match", .kwReserved),
    ("None", .kwNone),
    ("nonlocal", .kwReserved),
    ("raise", .kwRaise),
    ("ref", .kwReserved),
    ("trait", .kwReserved),
    ("try", .kwTry),
    ("with", .kwReserved),
    ("yield", .kwReserved),
    ("Self", .kwReserved),
  ]

  static func kind(packed key: UInt64) -> TokenKind {
    switch key {
    case 0x646e61: .kwAnd  // and
    case 0x6b61657262: .kwBreak  // break
    case 0x656d6974706d6f63: .kwComptime  // comptime
    case 0x65756e69746e6f63: .kwContinue  // continue
    case 0x666564: .kwDef  // def
    case 0x66696c65: .kwElif  // elif
    case 0x65736c65: .kwElse  // else
    case 0x65736c6146: .kwFalse  // False
    case 0x726f66: .kwFor  // for
    case 0x6d6f7266: .kwFrom  // from
    case 0x6669: .kwIf  // if
    case 0x74726f706d69: .kwImport  // import
    case 0x6e69: .kwIn  // in
    case 0x746f6e: .kwNot  // not
    case 0x726f: .kwOr  // or
    case 0x73736170: .kwPass  // pass
    case 0x6e7275746572: .kwReturn  // return
    case 0x746375727473: .kwStruct  // struct
    case 0x65757254: .kwTrue  // True
    case 0x726176: .kwVar  // var
    case 0x656c696877: .kwWhile  // while
    case 0x6e66: .kwFn  // fn
    case 0x7361: .kwReserved  // as
    case 0x747265737361: .kwReserved  // assert
    case 0x636e797361: .kwReserved  // async
    case 0x7469617761: .kwReserved  // await
    case 0x65736163: .kwReserved  // case
    case 0x7373616c63: .kwReserved  // class
    case 0x6c6564: .kwReserved  // del
    case 0x747065637865: .kwExcept  // except
    case 0x796c6c616e6966: .kwFinally  // finally
    case 0x6c61626f6c67: .kwReserved  // global
    case 0x7369: .kwIs  // is
    case 0x6164626d616c: .kwReserved  // lambda
    case 0x686374616d: .kwReserved  // match
    case 0x656e6f4e: .kwNone  // None
    case 0x6c61636f6c6e6f6e: .kwReserved  // nonlocal
    case 0x6573696172: .kwRaise  // raise
    case 0x666572: .kwReserved  // ref
    case 0x7469617274: .kwReserved  // trait
    case 0x797274: .kwTry  // try
    case 0x68746977: .kwReserved  // with
    case 0x646c656979: .kwReserved  // yield
    case 0x666c6553: .kwReserved  // Self
    default: .identifier
    }
  }
}
