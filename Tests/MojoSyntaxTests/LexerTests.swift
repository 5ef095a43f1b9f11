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

/// The edges of the lexer's fast paths: the zero bytes after the file, the indentation compared
/// by length while it is all spaces, the hash the lexer leaves in identifier tokens.
@Suite struct LexerEdgeTests {
  @Test func fileEndsWithoutLineBreakInsideABlock() {
    let (kinds, diagnostics) = lex("def f():\n    return x")
    #expect(diagnostics.isEmpty)
    #expect(kinds == [.kwDef, .identifier, .leftParen, .rightParen, .colon, .newline,
                      .indent, .kwReturn, .identifier, .newline, .dedent, .endOfFile])
    #expect(lex("").0 == [.endOfFile])
    #expect(lex("\n\n   \n").0 == [.endOfFile])
    #expect(lex("x = 12").0 == [.identifier, .assign, .intLiteral, .newline, .endOfFile])
    #expect(lex("x = a.b").0 == [.identifier, .assign, .identifier, .dot, .identifier, .newline, .endOfFile])
    #expect(lex("x <<= 1 >>").0 == [.identifier, .shiftLeftAssign, .intLiteral, .shiftRight, .newline, .endOfFile])
  }

  @Test func tabIndentationGivesTheSameTokensAsSpaces() {
    let spaces = lex("def f():\n    if x:\n        pass\n    y\n")
    let tabs = lex("def f():\n\tif x:\n\t\tpass\n\ty\n")
    #expect(tabs.1.isEmpty)
    #expect(tabs.0 == spaces.0)
    // Spaces after a tab-indented block: still compared byte by byte.
    let (_, mixed) = lex("def f():\n\tif x:\n\t\tpass\n    y\n")
    #expect(mixed.map(\.id) == ["mixedTabsAndSpaces"])
    // Back to spaces only after the tab-indented block closed.
    let (kinds, clean) = lex("def f():\n\ta\ndef g():\n  b\n  c\n")
    #expect(clean.isEmpty)
    #expect(kinds.filter { $0 == .indent }.count == 2 && kinds.filter { $0 == .dedent }.count == 2)
  }

  @Test func zeroBytesAndStrayCharactersInsideTheFile() {
    let (kinds, diagnostics) = lex("x = 1\u{0}\ny = $\n")
    #expect(diagnostics.map(\.id) == ["unexpectedCharacter", "unexpectedCharacter"])
    #expect(kinds == [.identifier, .assign, .intLiteral, .invalid, .newline,
                      .identifier, .assign, .invalid, .newline, .endOfFile])
    #expect(lex("# only a comment").0 == [.endOfFile])
    #expect(lex("x = 1 \\\n  + 2\n").0 == [.identifier, .assign, .intLiteral, .plus, .intLiteral, .newline, .endOfFile])
  }

  @Test func numbersAtTheFastPathsEdges() {
    let (kinds, diagnostics) = lex("f(12, 3)[4] 5.25 6e2 7_0 8x 9\n")
    #expect(kinds == [.identifier, .leftParen, .intLiteral, .comma, .intLiteral, .rightParen, .leftBracket,
                      .intLiteral, .rightBracket, .floatLiteral, .floatLiteral, .intLiteral, .invalid, .intLiteral,
                      .newline, .endOfFile])
    #expect(diagnostics.map(\.id) == ["invalidNumber"])
  }

  @Test func identifierTokensCarryTheInternersHash() {
    let text = "def abc(x_1: Int) -> Int:\n    return x_1 + abc\n"
    let file = SourceFile(path: "t.mojo", relativePath: "t.mojo", bytes: Array(text.utf8))
    let (stream, _) = Lexer.tokenize(file)
    file.bytes.withUnsafeBufferPointer { bytes in
      for token in stream.tokens where token.kind.isIdentifierShaped {
        #expect(token.payload == NameInterner.hash(bytes, start: token.start, length: token.length))
      }
    }
    let (tree, diagnostics) = Parser.parse(file)
    #expect(diagnostics.isEmpty)
    #expect(tree.names.filter { $0 == "x_1" }.count == 1 && tree.names.filter { $0 == "abc" }.count == 1)
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
