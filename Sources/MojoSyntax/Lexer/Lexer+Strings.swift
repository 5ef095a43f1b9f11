//! String literals: the four quote forms, escapes (LANGUAGE.md §2.6), decoded once here so the
//! parser and later stages see bytes.
import MojoDiagnostics

extension Lexer {
  mutating func lexString() {
    let start = pos
    let quote = bytes[pos]
    let triple = pos + 2 < bytes.count && bytes[pos + 1] == quote && bytes[pos + 2] == quote
    pos += triple ? 3 : 1
    var value: [UInt8] = []
    var closed = false
    while pos < bytes.count {
      let c = bytes[pos]
      if c == quote {
        if !triple { pos += 1; closed = true; break }
        if pos + 2 < bytes.count && bytes[pos + 1] == quote && bytes[pos + 2] == quote {
          pos += 3
          closed = true
          break
        }
      }
      if c == 0x0A && !triple { break }
      if c == UInt8(ascii: "\\") {
        decodeEscape(into: &value)
        continue
      }
      value.append(c)
      pos += 1
    }
    if !closed {
      reportAt(SyntaxDiagnostics.unterminatedString, start)
    }
    appendString(value, start: start)
  }

  /// Decodes the escape at `pos` (a backslash) and advances past it.
  private mutating func decodeEscape(into value: inout [UInt8]) {
    let at = pos
    pos += 1
    guard pos < bytes.count else { return }
    let e = bytes[pos]
    pos += 1
    switch e {
    case UInt8(ascii: "n"): value.append(0x0A)
    case UInt8(ascii: "t"): value.append(0x09)
    case UInt8(ascii: "r"): value.append(0x0D)
    case UInt8(ascii: "\\"): value.append(0x5C)
    case UInt8(ascii: "'"): value.append(0x27)
    case UInt8(ascii: "\""): value.append(0x22)
    case UInt8(ascii: "a"): value.append(0x07)
    case UInt8(ascii: "b"): value.append(0x08)
    case UInt8(ascii: "f"): value.append(0x0C)
    case UInt8(ascii: "v"): value.append(0x0B)
    case 0x0A: break  // a backslash before a line break joins the lines
    case UInt8(ascii: "0")...UInt8(ascii: "7"):
      var v = UInt32(e - 0x30)
      var n = 1
      while n < 3 && pos < bytes.count && bytes[pos] >= 0x30 && bytes[pos] <= 0x37 {
        v = v * 8 + UInt32(bytes[pos] - 0x30)
        pos += 1
        n += 1
      }
      appendScalar(v, into: &value, escapeAt: at)
    case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
      let digits = e == UInt8(ascii: "x") ? 2 : e == UInt8(ascii: "u") ? 4 : 8
      var v: UInt32 = 0
      for _ in 0..<digits {
        guard pos < bytes.count, isHexDigit(bytes[pos]) else {
          reportAt(SyntaxDiagnostics.invalidEscape, at)
          return
        }
        let d = bytes[pos]
        v = v &* 16 &+ UInt32(isDigit(d) ? d - 0x30 : (d | 0x20) - 0x61 + 10)
        pos += 1
      }
      appendScalar(v, into: &value, escapeAt: at)  // `\xff` is U+00FF in UTF-8, as in Mojo 1.2
    default:
      reportAt(SyntaxDiagnostics.invalidEscape, at)
    }
  }

  private mutating func appendScalar(_ v: UInt32, into value: inout [UInt8], escapeAt at: Int) {
    guard let scalar = Unicode.Scalar(v) else {
      reportAt(SyntaxDiagnostics.invalidEscape, at)
      return
    }
    value.append(contentsOf: Array(String(Character(scalar)).utf8))
  }
}
