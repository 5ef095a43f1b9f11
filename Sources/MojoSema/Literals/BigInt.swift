//! `BigInt`: the arbitrary-precision value of an IntLiteral (LANGUAGE.md §6.1). Values that fit
//! in an `Int64` (nearly every literal in a real program) stay inline without allocating;
//! larger ones keep a sign and a `Magnitude` limb array.

/// An arbitrary-precision signed integer.
public struct BigInt: Sendable, Hashable, Comparable, ExpressibleByIntegerLiteral, CustomStringConvertible {
  /// The value when `large` is empty; otherwise 1 for a negative and 0 for a positive `large`
  /// value (the sign lives here so that a `BigInt` is 16 bytes, which keeps `ConstantValue` and
  /// the checker's per-expression facts small).
  var small: Int64
  /// The magnitude when the value does not fit in an `Int64`; empty otherwise, which keeps the
  /// representation unique so that the synthesized `==` and `hash` are right.
  var large: Magnitude.Limbs

  /// The sign of a `large` value.
  var largeNegative: Bool { small != 0 }

  public init(_ value: Int64) {
    small = value
    large = []
  }

  public init(integerLiteral value: Int64) {
    self.init(value)
  }

  /// The integer with the given sign and magnitude (any normalized limb array).
  init(negative: Bool, magnitude: Magnitude.Limbs) {
    if magnitude.count <= 2 {
      let m = magnitude.isEmpty ? 0 : UInt64(magnitude[0]) | (magnitude.count == 2 ? UInt64(magnitude[1]) << 32 : 0)
      if !negative && m <= UInt64(Int64.max) {
        self.init(Int64(m))
        return
      }
      if negative && m <= UInt64(Int64.max) + 1 {
        self.init(Int64(bitPattern: 0 &- m))
        return
      }
    }
    self.init(small: negative ? 1 : 0, large: magnitude)
  }

  private init(small: Int64, large: Magnitude.Limbs) {
    self.small = small
    self.large = large
  }

  public var isNegative: Bool { large.isEmpty ? small < 0 : largeNegative }
  public var isZero: Bool { large.isEmpty && small == 0 }
  var isOdd: Bool { large.isEmpty ? small & 1 != 0 : large[0] & 1 != 0 }

  /// The absolute value as limbs.
  var magnitude: Magnitude.Limbs {
    large.isEmpty ? Magnitude.limbs(small.magnitude) : large
  }

  /// The number of significant bits of the absolute value.
  var magnitudeBitWidth: Int {
    large.isEmpty ? 64 - small.magnitude.leadingZeroBitCount : Magnitude.bitWidth(large)
  }

  /// The value reduced modulo 2^64 into the signed range (materialization to `Int`, §6.2).
  public var wrappedInt64: Int64 {
    if large.isEmpty { return small }
    let low = UInt64(large[0]) | (large.count > 1 ? UInt64(large[1]) << 32 : 0)
    return Int64(bitPattern: largeNegative ? 0 &- low : low)
  }

  /// The value as an `Int`, if it fits.
  var exactInt: Int? { large.isEmpty ? Int(exactly: small) : nil }

  public static func < (a: BigInt, b: BigInt) -> Bool {
    if a.large.isEmpty && b.large.isEmpty { return a.small < b.small }
    let an = a.isNegative, bn = b.isNegative
    if an != bn { return an }
    let c = Magnitude.compare(a.magnitude, b.magnitude)
    return an ? c > 0 : c < 0
  }

  /// Decimal text, with a leading `-` when negative.
  public var description: String {
    if large.isEmpty { return String(small) }
    var chunks: [UInt32] = []
    var rest = large
    while !rest.isEmpty {
      let (q, r) = Magnitude.divide(rest, by: 1_000_000_000)
      chunks.append(r)
      rest = q
    }
    var text = largeNegative ? "-" : ""
    text += String(chunks.removeLast())
    for chunk in chunks.reversed() {
      let digits = String(chunk)
      text += String(repeating: "0", count: 9 - digits.count) + digits
    }
    return text
  }

  /// Parses an integer literal's digits (decimal, `0x`, `0o`, `0b`; underscores already
  /// removed by the parser). Returns nil for text that is not such a literal.
  public init?(literal text: String) {
    // Fast path for short decimal literals (nearly all of them): no allocation.
    let utf8 = text.utf8
    if utf8.count <= 18 && (utf8.count == 1 || utf8.first != UInt8(ascii: "0")) {
      var value: Int64 = 0
      for b in utf8 {
        guard b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") else { return nil }
        value = value * 10 + Int64(b - UInt8(ascii: "0"))
      }
      self.init(value)
      return
    }
    var bytes = Array(utf8)
    var radix: UInt32 = 10
    if bytes.count > 2 && bytes[0] == UInt8(ascii: "0") {
      switch bytes[1] | 0x20 {
      case UInt8(ascii: "x"): radix = 16
      case UInt8(ascii: "o"): radix = 8
      case UInt8(ascii: "b"): radix = 2
      default: break
      }
      if radix != 10 { bytes.removeFirst(2) }
    }
    guard let value = BigInt.parseDigits(bytes[...], radix: radix) else { return nil }
    self = value
  }

  /// The value of a decimal literal of at most 18 digits without a leading zero (nearly every
  /// literal), read from the string's contiguous bytes; nil for anything else.
  @inline(__always)
  static func shortDecimal(_ text: String) -> Int64? {
    text.utf8.withContiguousStorageIfAvailable { bytes -> Int64? in
      guard bytes.count <= 18, !bytes.isEmpty, bytes.count == 1 || bytes[0] != UInt8(ascii: "0") else { return nil }
      var value: Int64 = 0
      for b in bytes {
        let d = b &- UInt8(ascii: "0")
        guard d < 10 else { return nil }
        value = value &* 10 &+ Int64(d)
      }
      return value
    } ?? nil
  }

  /// Reads digits of `radix`, a chunk of them per limb operation.
  static func parseDigits(_ bytes: ArraySlice<UInt8>, radix: UInt32) -> BigInt? {
    if bytes.isEmpty { return nil }
    var limbs: Magnitude.Limbs = []
    var chunk: UInt32 = 0
    var scale: UInt32 = 1
    for b in bytes {
      let d: UInt32
      switch b {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(b - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): d = UInt32((b | 0x20) - UInt8(ascii: "a")) + 10
      default: return nil
      }
      if d >= radix { return nil }
      chunk = chunk * radix + d
      scale *= radix
      // Flush before `scale * radix` could pass 2^32 (radix is at most 16).
      if scale > UInt32.max / 16 {
        limbs = Magnitude.multiplyAdd(limbs, scale, chunk)
        chunk = 0
        scale = 1
      }
    }
    if scale > 1 { limbs = Magnitude.multiplyAdd(limbs, scale, chunk) }
    return BigInt(negative: false, magnitude: limbs)
  }
}
