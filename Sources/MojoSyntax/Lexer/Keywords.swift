//! Keyword recognition without allocating: switch on length, then compare bytes.

/// The reserved words of LANGUAGE.md §2.3.
enum Keywords {
  /// The token kind of an identifier-shaped byte sequence: a keyword kind or `.identifier`.
  static func kind(of word: ArraySlice<UInt8>) -> TokenKind {
    guard word.count >= 2 && word.count <= 8 else { return .identifier }
    // Pack the word into a UInt64 (at most 8 bytes) and compare against packed constants.
    var key: UInt64 = 0
    for (i, b) in word.enumerated() { key |= UInt64(b) << (8 * UInt64(i)) }
    return table[key] ?? .identifier
  }

  private static let table: [UInt64: TokenKind] = {
    let words: [(String, TokenKind)] = [
      ("and", .kwAnd), ("break", .kwBreak), ("comptime", .kwComptime), ("continue", .kwContinue),
      ("def", .kwDef), ("elif", .kwElif), ("else", .kwElse), ("False", .kwFalse), ("for", .kwFor),
      ("from", .kwFrom), ("if", .kwIf), ("import", .kwImport), ("in", .kwIn), ("not", .kwNot),
      ("or", .kwOr), ("pass", .kwPass), ("return", .kwReturn), ("struct", .kwStruct), ("True", .kwTrue),
      ("var", .kwVar), ("while", .kwWhile), ("fn", .kwFn),
      ("as", .kwReserved), ("assert", .kwReserved), ("async", .kwReserved), ("await", .kwReserved),
      ("case", .kwReserved), ("class", .kwReserved), ("del", .kwReserved), ("except", .kwReserved),
      ("finally", .kwReserved), ("global", .kwReserved), ("is", .kwReserved), ("lambda", .kwReserved),
      ("match", .kwReserved), ("None", .kwReserved), ("nonlocal", .kwReserved), ("raise", .kwReserved),
      ("ref", .kwReserved), ("trait", .kwReserved), ("try", .kwReserved), ("with", .kwReserved),
      ("yield", .kwReserved), ("Self", .kwReserved),
    ]
    var t: [UInt64: TokenKind] = [:]
    for (w, k) in words {
      var key: UInt64 = 0
      for (i, b) in w.utf8.enumerated() { key |= UInt64(b) << (8 * UInt64(i)) }
      t[key] = k
    }
    return t
  }()
}
