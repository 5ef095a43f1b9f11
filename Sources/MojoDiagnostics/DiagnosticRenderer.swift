//! Renders diagnostics in the shape of LANGUAGE.md §14:
//! `path:line:col: error: message`, the source line with tabs expanded, and a caret line.

/// Turns diagnostics into text for standard error.
public enum DiagnosticRenderer {
  /// The longest source line shown whole, in bytes.
  static let maximumShownLine = 160

  /// The full text of one diagnostic and its notes, ending in a newline.
  public static func render(_ d: Diagnostic) -> String {
    var out = ""
    guard let file = d.location.file else {
      out += "mojoc: \(d.severity.label): \(d.message)\n"
      for note in d.notes { out += render(note) }
      return out
    }
    let (line, sourceColumn) = file.lineAndColumn(of: d.location.offset)
    out += "\(file.path):\(line):\(sourceColumn): \(d.severity.label): \(d.message)\n"
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
    out += String(repeating: " ", count: caretPad) + "^" + String(repeating: "~", count: max(0, d.length - 1)) + "\n"
    if let replacement = d.replacement { out += String(repeating: " ", count: caretPad) + replacement + "\n" }
    for note in d.notes { out += render(note) }
    return out
  }
}
