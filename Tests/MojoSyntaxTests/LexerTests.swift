//! Lexer: token kinds, INDENT/DEDENT from indentation strings, and indentation diagnostics.
import MojoDiagnostics
import Testing
@testable import MojoSyntax

func lex(_ text: String) -> ([TokenKind], [Diagnostic]) {
  let file = SourceFile(path: "t.mojo", relativePath: "t.mojo", bytes: Array(text.utf8))
  let (stream, diagnostics) = Lexer.tokenize(file)
  return (stream.tokens.map(\.kind), diagnostics)
}

@Suite struct LexerTests {
  @Test func blocksProduceIndentAndDedent() {
    let (kinds, diagnostics) = lex("def f():\n    if x:\n        pass\n    y\n")
    #expect(diagnostics.isEmpty)
    #expect(kinds == [.kwDef, .identifier, .leftParen, .rightParen, .colon, .newline,
                      .indent, .kwIf, .identifier, .colon, .newline,
                      .indent, .kwPass, .newline, .dedent, .identifier, .newline, .dedent, .endOfFile])
  }

  @Test func operatorsAreLongestMatch() {
    let (kinds, _) = lex("a //= b ** c >> 2 -> d != e <<= f\n")
    #expect(kinds == [.identifier, .slashSlashAssign, .identifier, .starStar, .identifier, .shiftRight, .intLiteral,
                      .arrow, .identifier, .notEqual, .identifier, .shiftLeftAssign, .identifier, .newline, .endOfFile])
  }

  @Test func bracketsJoinLinesAndCommentsVanish() {
    let (kinds, diagnostics) = lex("f(1,\n      2)  # comment\n\n# only a comment\nx\n")
    #expect(diagnostics.isEmpty)
    #expect(kinds == [.identifier, .leftParen, .intLiteral, .comma, .intLiteral, .rightParen, .newline,
                      .identifier, .newline, .endOfFile])
  }

  @Test func numbersAndTheirErrors() {
    let (kinds, diagnostics) = lex("0x_dead_beef 1_000 0b101 0o17 1.5 2. .5 1e10 007\n")
    #expect(Array(kinds.prefix(8)) == [.intLiteral, .intLiteral, .intLiteral, .intLiteral, .floatLiteral,
                                       .floatLiteral, .floatLiteral, .floatLiteral])
    #expect(diagnostics.map(\.id) == ["invalidNumber"])
  }

  @Test func dedentToUnknownLevelIsReportedAtTheStatement() {
    let (_, diagnostics) = lex("def f():\n    for i in r:\n        a\n      b\n")
    #expect(diagnostics.map(\.id) == ["indentationMismatch"])
    #expect(diagnostics.first?.location.offset == 41)  // the `b`
  }

  @Test func tabsAgainstSpacesAreReported() {
    let (_, diagnostics) = lex("def f():\n    a\n\tb\n")
    #expect(diagnostics.map(\.id) == ["mixedTabsAndSpaces"])
  }

  @Test func stringEscapesAndErrors() {
    let file = SourceFile(path: "t", relativePath: "t", bytes: Array(#"x = "a\tb\x41\u00e9" + 'q\d'"#.utf8))
    let (stream, diagnostics) = Lexer.tokenize(file)
    #expect(stream.strings.first == Array("a\tbA\u{e9}".utf8))
    #expect(diagnostics.map(\.id) == ["invalidEscape"])
    let (_, unterminated) = lex("x = \"abc\n")
    #expect(unterminated.map(\.id) == ["unterminatedString"])
  }
}

@Suite struct KeywordTests {
  /// Every keyword lexes to its kind, and near-misses (a prefix, an extension, other case) stay
  /// identifiers: the packed constants of `Keywords` are checked against the spellings.
  @Test func everyKeywordAndItsNearMisses() {
    #expect(Keywords.all.count == 44)
    for (word, kind) in Keywords.all {
      #expect(lex(word + "\n").0.first == kind, "\(word)")
      #expect(lex(word + "x\n").0.first == .identifier, "\(word)x")
      #expect(lex(String(word.dropLast()) + "\n").0.first != kind, "\(word) minus one")
      #expect(lex(word.uppercased() + "\n").0.first == (word.uppercased() == word ? kind : .identifier), "\(word) upper")
    }
  }
}
