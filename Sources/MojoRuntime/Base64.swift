//! A minimal base64 decoder for the embedded runtime object (generated/RuntimeObject.swift).
//! Hand-written so MojoRuntime needs no Foundation. It runs once per build that links, so it works
//! on the literal's bytes in place (a `StaticString`) through a lookup table: about 17 instructions
//! per character, where a `String.utf8` walk with a switch per character took 60.

/// Decodes the standard base64 alphabet (RFC 4648), skipping line breaks and indentation.
enum Base64 {
  /// Marks a byte outside the alphabet in `sextets`.
  private static let notInAlphabet: UInt8 = 0xff

  /// The 6-bit value of every byte, `notInAlphabet` for bytes outside the alphabet.
  private static func sextets() -> [UInt8] {
    var table = [UInt8](repeating: notInAlphabet, count: 256)
    for (value, character) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
      table[Int(character)] = UInt8(value)
    }
    return table
  }

  /// The bytes encoded by `text`; characters outside the alphabet (whitespace) are skipped and
  /// `=` ends the data.
  static func decode(_ text: StaticString) -> [UInt8] {
    let table = sextets()
    return text.withUTF8Buffer { input in
      table.withUnsafeBufferPointer { table in
        [UInt8](unsafeUninitializedCapacity: input.count / 4 * 3 + 3) { output, count in
          var accumulator: UInt32 = 0
          var pendingBits: UInt32 = 0
          var written = 0
          for character in input {
            let sextet = table[Int(character)]
            if sextet == notInAlphabet {
              if character == UInt8(ascii: "=") { break }
              continue
            }
            accumulator = (accumulator << 6) | UInt32(sextet)
            pendingBits += 6
            if pendingBits >= 8 {
              pendingBits -= 8
              output[written] = UInt8(truncatingIfNeeded: accumulator >> pendingBits)
              written += 1
            }
          }
          count = written
        }
      }
    }
  }
}
