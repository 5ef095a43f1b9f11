//! A minimal base64 decoder for the embedded runtime object (generated/RuntimeObject.swift).
//! Hand-written so MojoRuntime needs no Foundation: it runs once per process, on about 30 KB.

/// Decodes the standard base64 alphabet (RFC 4648), skipping line breaks and indentation.
enum Base64 {
  /// The bytes encoded by `text`; characters outside the alphabet (whitespace) are skipped and
  /// `=` ends the data.
  static func decode(_ text: String) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count / 4 * 3)
    var accumulator: UInt32 = 0
    var pendingBits = 0
    for character in text.utf8 {
      guard let sextet = sextetValue(character) else {
        if character == UInt8(ascii: "=") { break }
        continue
      }
      accumulator = (accumulator << 6) | UInt32(sextet)
      pendingBits += 6
      if pendingBits >= 8 {
        pendingBits -= 8
        bytes.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(pendingBits)))
      }
    }
    return bytes
  }

  /// The 6-bit value of one base64 character, or nil for anything else.
  private static func sextetValue(_ character: UInt8) -> UInt8? {
    switch character {
    case UInt8(ascii: "A")...UInt8(ascii: "Z"): return character - UInt8(ascii: "A")
    case UInt8(ascii: "a")...UInt8(ascii: "z"): return character - UInt8(ascii: "a") + 26
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return character - UInt8(ascii: "0") + 52
    case UInt8(ascii: "+"): return 62
    case UInt8(ascii: "/"): return 63
    default: return nil
    }
  }
}
