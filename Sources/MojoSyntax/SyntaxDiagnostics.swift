//! Messages of the lexer and parser, with the exact text of LANGUAGE.md §14.
import MojoDiagnostics

/// Factories for syntax diagnostics; each makes one `Kind`, whose case name is the
/// diagnostic's stable ID.
enum SyntaxDiagnostics {
  /// Every kind of syntax diagnostic; the case name is the ID tests match on.
  enum Kind: String, DiagnosticKind {
    case bodyMustNotBeEmpty, expected, expectedColon, expressionsAtFileScope, fnRemoved, globalVariables
    case indentationMismatch, invalidEscape, invalidNumber, mixedTabsAndSpaces, nestedTooDeeply, notSupportedYet
    case statementsOnOneLine, tokensAfterDeclaration, tupleValueAsType, unexpectedCharacter, unexpectedToken
    case unterminatedString, unqualifiedStructParameter, declaredHere
  }

  static func bodyMustNotBeEmpty(_ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.bodyMustNotBeEmpty, message: "body must not be empty; use 'pass' or check that the lines below are indented", at: at)
  }
  static func expectedColon(_ message: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.expectedColon, message: message, at: at)
  }
  static func expected(_ what: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.expected, message: "expected \(what)", at: at)
  }
  static func expressionsAtFileScope(_ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.expressionsAtFileScope, message: "expressions must not appear at file scope; move this into a function body", at: at)
  }
  static func fnRemoved(_ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.fnRemoved, message: "'fn' has been removed; use 'def' instead", at: at)
  }
  static func globalVariables(_ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.globalVariables, message: "global variables are not supported; move this into a function body or use 'comptime' to declare a constant", at: at)
  }
  static func indentationMismatch(_ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.indentationMismatch, message: "statement indentation must match the rest of the block; adjust to align", at: at)
  }
  static func invalidEscape(_ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.invalidEscape, message: "invalid escape sequence", at: at)
  }
  static func invalidNumber(_ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.invalidNumber, message: "invalid numeric literal", at: at)
  }
  static func mixedTabsAndSpaces(_ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.mixedTabsAndSpaces, message: "indentation must not mix tabs and spaces; select one style", at: at)
  }
  static func nestedTooDeeply(_ limit: Int, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.nestedTooDeeply, message: "expression or block nested too deeply (mojoc's limit is \(limit) levels)", at: at)
  }
  static func notSupportedYet(_ what: String, _ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.notSupportedYet, message: "\(what) is not supported yet by mojoc", at: at)
  }
  static func statementsOnOneLine(_ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.statementsOnOneLine, message: "statements must start at the beginning of a line", at: at)
  }
  static func tupleValueAsType(_ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.tupleValueAsType, message: "expected a type, found a tuple value; use 'Tuple[...]' to write a tuple type", at: at)
  }
  /// A struct's type parameter named without `Self.` inside the struct (Mojo 1.2's wording and fix-it).
  static func unqualifiedStructParameter(_ name: String, _ at: SourceLocation, declared: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.unqualifiedStructParameter, message: "unqualified access to struct parameter '\(name)'; use 'Self.\(name)' instead",
               at: at, notes: [Diagnostic(Kind.declaredHere, severity: .note, message: "parameter '\(name)' declared here", at: declared)],
               replacement: "Self.\(name)")
  }
  static func unexpectedCharacter(_ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.unexpectedCharacter, message: "unexpected character", at: at)
  }
  /// A field's default value (`var x: Int = 0`), which Mojo 1.2 does not parse.
  static func tokensAfterDeclaration(_ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.tokensAfterDeclaration, message: "unknown tokens at the end of a declaration", at: at)
  }
  static func unexpectedToken(_ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.unexpectedToken, message: "unexpected token in expression", at: at)
  }
  static func unterminatedString(_ at: SourceLocation) -> Diagnostic {
    Diagnostic(Kind.unterminatedString, message: "unterminated string", at: at)
  }
}
