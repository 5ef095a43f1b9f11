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

/// A kind of diagnostic. Each stage lists its kinds in one enum (`SyntaxDiagnostics.Kind`,
/// `SemaDiagnostics.Kind`) whose case names are the stable IDs; nothing types an ID by hand.
public protocol DiagnosticKind: RawRepresentable<String>, Sendable {}

/// One message for the user.
public struct Diagnostic: Sendable, Equatable {
  /// A stable identifier tests match on: the name of its kind's case (e.g. `unknownDeclaration`).
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

  /// Makes a diagnostic of `kind`; only a stage's `<Stage>Diagnostics` factories call this.
  public init(_ kind: some DiagnosticKind, severity: Severity = .error, message: String, at location: SourceLocation,
              length: Int = 0, notes: [Diagnostic] = [], replacement: String? = nil) {
    self.init(id: kind.rawValue, severity: severity, message: message, at: location, length: length, notes: notes,
              replacement: replacement)
  }

  private init(id: String, severity: Severity, message: String, at location: SourceLocation,
               length: Int, notes: [Diagnostic], replacement: String?) {
    self.id = id
    self.severity = severity
    self.message = message
    self.location = location
    self.length = length
    self.notes = notes
    self.replacement = replacement
  }

  /// True when this diagnostic is of `kind`.
  public func `is`(_ kind: some DiagnosticKind) -> Bool { id == kind.rawValue }

  /// The same diagnostic with another severity (`-Werror` turns warnings into errors).
  public func with(severity: Severity) -> Diagnostic {
    Diagnostic(id: id, severity: severity, message: message, at: location, length: length, notes: notes,
               replacement: replacement)
  }

  /// The same message at the same place as a `note:` line of another diagnostic (its own notes,
  /// underline and fix-it dropped).
  public var asNote: Diagnostic {
    Diagnostic(id: id, severity: .note, message: message, at: location, length: 0, notes: [], replacement: nil)
  }
}
