//! A byte buffer for writing Mojo source quickly: generating a million lines must take well
//! under a second, so text goes straight into `[UInt8]` without intermediate Strings.

/// Appends Mojo source text, indentation and integers to a byte array, counting lines.
public struct SourceBuffer: Sendable {
  public private(set) var bytes: [UInt8] = []
  /// Newlines written so far.
  public private(set) var lines = 0
  /// The current indentation depth, in levels of four spaces.
  public var depth = 0

  public init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

  /// Appends raw text.
  @inline(__always)
  public mutating func write(_ text: StaticString) {
    text.withUTF8Buffer { bytes.append(contentsOf: $0) }
  }

  /// Appends text built at run time (names, templates); counts the newlines it holds.
  public mutating func write(_ text: String) {
    for byte in text.utf8 {
      bytes.append(byte)
      if byte == 0x0A { lines += 1 }
    }
  }

  /// Appends bytes written elsewhere (a fragment without newlines).
  public mutating func append(_ fragment: [UInt8]) { bytes.append(contentsOf: fragment) }

  /// Appends an integer in decimal, without allocating.
  public mutating func write(int value: Int) {
    if value < 0 {
      bytes.append(UInt8(ascii: "-"))
      // `0 &- value` keeps Int.min representable as a magnitude.
      writeMagnitude(UInt64(bitPattern: Int64(0 &- value)))
    } else {
      writeMagnitude(UInt64(value))
    }
  }

  private mutating func writeMagnitude(_ value: UInt64) {
    var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                 UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
      (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var count = 0
    var v = value
    withUnsafeMutableBytes(of: &digits) { raw in
      repeat {
        raw[count] = UInt8(ascii: "0") + UInt8(v % 10)
        v /= 10
        count += 1
      } while v > 0
      while count > 0 {
        count -= 1
        bytes.append(raw[count])
      }
    }
  }

  /// Starts a new line at the current depth.
  @inline(__always)
  public mutating func indent() {
    bytes.append(contentsOf: repeatElement(UInt8(0x20), count: depth * 4))
  }

  /// Ends the current line.
  @inline(__always)
  public mutating func newline() {
    bytes.append(0x0A)
    lines += 1
  }

  /// Writes one whole line at the current depth.
  public mutating func line(_ text: StaticString) {
    indent()
    write(text)
    newline()
  }

  /// Writes one whole line of run-time text at the current depth.
  public mutating func line(_ text: String) {
    indent()
    write(text)
    newline()
  }
}
