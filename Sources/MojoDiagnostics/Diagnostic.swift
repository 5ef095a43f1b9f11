//! Diagnostics as values: a stable ID, a severity, a message, a location and optional notes.
//! The grammar-specific messages live with their stage (`SyntaxDiagnostics.swift`,
//! `SemaDiagnostics.swift`); this module knows no grammar.

/// How serious a diagnostic is.
public enum Severity: UInt8, Sendable, Comparable {
  case note, warning, error
  public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
  /// The word printed after the location.
  public var label: String {
    switch self {
    case .note: "note"
    case .warning: "warning"
    case .error: "error"
    }
  }
}

/// A place in a source file: the file and a byte offset.
public struct SourceLocation: Sendable, Hashable {
  /// The file, or nil for diagnostics about the whole project (e.g. a missing `main`).
  public let file: SourceFile?
  /// Byte offset into the file.
  public let offset: Int

  /// A location in `file`.
  public init(file: SourceFile?, offset: Int) {
    self.file = file
    self.offset = offset
  }

  public static func == (a: Self, b: Self) -> Bool { a.file === b.file && a.offset == b.offset }
  public func hash(into h: inout Hasher) {
    h.combine(offset)
    if let file { h.combine(ObjectIdentifier(file)) }
  }
}

/// One message for the user.
public struct Diagnostic: Sendable, Equatable {
  /// A stable identifier tests match on (the static factory's name, e.g. `unknownDeclaration`).
  public let id: String
  /// Error, warning or note.
  public let severity: Severity
  /// The text, exactly as LANGUAGE.md §14 spells it.
  public let message: String
  /// Where the caret points.
  public let location: SourceLocation
  /// Number of bytes underlined after the caret (0: the caret alone).
  public let length: Int
  /// Related places (`note:` lines).
  public var notes: [Diagnostic]
  /// Text to put in place of the underlined source, shown under the caret (a fix-it).
  public var replacement: String?

  /// Makes a diagnostic.
  public init(id: String, severity: Severity = .error, message: String, at location: SourceLocation,
              length: Int = 0, notes: [Diagnostic] = [], replacement: String? = nil) {
    self.id = id
    self.severity = severity
    self.message = message
    self.location = location
    self.length = length
    self.notes = notes
    self.replacement = replacement
  }
}
