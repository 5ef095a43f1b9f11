//! Renders diagnostics in the shape of LANGUAGE.md §14:
//! `path:line:col: error: message`, the source line with tabs expanded, a caret line and the
//! fix-it if any; in colour for a terminal, the way clang paints them; and clang's closing count.
#if canImport(Glibc)
import Glibc
#endif

/// Plain text, or text with ANSI colours for a terminal.
public enum DiagnosticStyle: Sendable {
  case plain, colour

  /// Colour when standard error is a terminal, unless `NO_COLOR` is set (no-color.org) or the
  /// terminal is `dumb`.
  public static var forStandardError: DiagnosticStyle {
    if isatty(2) == 0 { return .plain }
    if let noColour = getenv("NO_COLOR"), noColour.pointee != 0 { return .plain }
    if let term = getenv("TERM"), String(cString: term) == "dumb" { return .plain }
    return .colour
  }
}

/// Turns diagnostics into text for standard error.
public enum DiagnosticRenderer {
  /// The longest source line shown whole, in bytes.
  static let maximumShownLine = 160

  /// Every diagnostic of a build, then "N errors generated." when there were errors or warnings.
  public static func render(_ diagnostics: [Diagnostic], style: DiagnosticStyle = .plain) -> String {
    var out = ""
    for d in diagnostics { out += render(d, style: style) }
    let errors = diagnostics.count { $0.severity == .error }
    let warnings = diagnostics.count { $0.severity == .warning }
    let counts = [(warnings, "warning"), (errors, "error")].filter { $0.0 > 0 }.map { "\($0.0) \($0.1)\($0.0 == 1 ? "" : "s")" }
    if !counts.isEmpty { out += counts.joined(separator: " and ") + " generated.\n" }
    return out
  }

  /// The full text of one diagnostic and its notes, ending in a newline.
  public static func render(_ d: Diagnostic, style: DiagnosticStyle = .plain) -> String {
    let paint = Paint(style: style)
    var out = ""
    let label = paint.severity(d.severity) + paint.bold(d.message) + "\n"
    guard let file = d.location.file else {
      out += paint.bold("mojoc: ") + label
      for note in d.notes { out += render(note, style: style) }
      return out
    }
    let (line, sourceColumn) = file.lineAndColumn(of: d.location.offset)
    out += paint.bold("\(file.path):\(line):\(sourceColumn): ") + label
    // Expand tabs to the next multiple of 8 so the caret lines up under the column.
    var text: [UInt8] = []
    var caretPad = 0
    var visual = 0
    var lineBytes = file.lineText(line)
    var column = sourceColumn
    // A very long line (generated code) is shown as a window around the column, as clang
    // does, so one diagnostic never prints megabytes.
    if lineBytes.count > maximumShownLine {
      var first = max(0, column - 1 - maximumShownLine / 2)
      while first > 0 && lineBytes[lineBytes.startIndex + first] & 0xC0 == 0x80 { first -= 1 }
      var last = min(lineBytes.count, first + maximumShownLine)
      while last < lineBytes.count && lineBytes[lineBytes.startIndex + last] & 0xC0 == 0x80 { last += 1 }
      let prefix: [UInt8] = first > 0 ? Array("...".utf8) : []
      let suffix: [UInt8] = last < lineBytes.count ? Array("...".utf8) : []
      lineBytes = ArraySlice(prefix + lineBytes[(lineBytes.startIndex + first)..<(lineBytes.startIndex + last)] + suffix)
      column = column - first + prefix.count
    }
    for (i, b) in lineBytes.enumerated() {
      if i == column - 1 { caretPad = visual }
      if b == 0x09 {
        let n = 8 - visual % 8
        text += [UInt8](repeating: 0x20, count: n)
        visual += n
      } else {
        text.append(b)
        if b & 0xC0 != 0x80 { visual += 1 }  // count characters, not continuation bytes
      }
    }
    if column - 1 >= lineBytes.count { caretPad = visual + (column - 1 - lineBytes.count) }
    out += String(decoding: text, as: UTF8.self) + "\n"
    let pad = String(repeating: " ", count: caretPad)
    out += pad + paint.green("^" + String(repeating: "~", count: max(0, d.length - 1))) + "\n"
    if let replacement = d.replacement { out += pad + paint.green(replacement) + "\n" }
    for note in d.notes { out += render(note, style: style) }
    return out
  }
}

/// clang's palette: bold location and message, red errors, magenta warnings, green carets.
private struct Paint {
  let style: DiagnosticStyle

  func bold(_ text: String) -> String { wrap(text, "\u{1B}[1m") }
  func green(_ text: String) -> String { wrap(text, "\u{1B}[1;32m") }

  func severity(_ severity: Severity) -> String {
    let text = severity.label + ": "
    switch severity {
    case .error: return wrap(text, "\u{1B}[1;31m")
    case .warning: return wrap(text, "\u{1B}[1;35m")
    case .note: return wrap(text, "\u{1B}[1;30m")
    }
  }

  private func wrap(_ text: String, _ code: String) -> String {
    style == .colour ? code + text + "\u{1B}[0m" : text
  }
}
