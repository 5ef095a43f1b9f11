//! `BigInt` arithmetic for literal folding: the operators of LANGUAGE.md §6.1 with exact
//! results. Each operation tries the inline `Int64` path first and falls back to limbs only
//! when it would overflow.

extension BigInt {
  /// Literal values are exact up to this many bits (131,072: about 39,000 decimal digits);
  /// a literal or literal expression past it is an error (`2 ** 10**9` would not fit in
  /// memory, and a million-digit literal would take seconds to read).
  public static let maximumFoldedBits = 1 << 17

  /// An upper bound of the bits an integer literal's value needs, from its text alone.
  static func literalBits(_ text: String) -> Int {
    let utf8 = text.utf8
    let decimal = (utf8.count * 3322 + 999) / 1000  // log2(10) < 3.322
    guard utf8.count > 2, utf8.first == UInt8(ascii: "0") else { return decimal }
    switch Array(utf8.prefix(2))[1] | 0x20 {
    case UInt8(ascii: "x"): return (utf8.count - 2) * 4
    case UInt8(ascii: "o"): return (utf8.count - 2) * 3
    case UInt8(ascii: "b"): return utf8.count - 2
    default: return decimal
    }
  }

  public static prefix func - (a: BigInt) -> BigInt {
    if a.large.isEmpty && a.small != .min { return BigInt(-a.small) }
    return BigInt(negative: !a.isNegative, magnitude: a.magnitude)
  }

  public static func + (a: BigInt, b: BigInt) -> BigInt {
    if a.large.isEmpty && b.large.isEmpty {
      let (r, overflow) = a.small.addingReportingOverflow(b.small)
      if !overflow { return BigInt(r) }
    }
    return signedAdd(a.isNegative, a.magnitude, b.isNegative, b.magnitude)
  }

  public static func - (a: BigInt, b: BigInt) -> BigInt {
    if a.large.isEmpty && b.large.isEmpty {
      let (r, overflow) = a.small.subtractingReportingOverflow(b.small)
      if !overflow { return BigInt(r) }
    }
    return signedAdd(a.isNegative, a.magnitude, !b.isNegative, b.magnitude)
  }

  public static func * (a: BigInt, b: BigInt) -> BigInt {
    if a.large.isEmpty && b.large.isEmpty {
      let (r, overflow) = a.small.multipliedReportingOverflow(by: b.small)
      if !overflow { return BigInt(r) }
    }
    return BigInt(negative: a.isNegative != b.isNegative, magnitude: Magnitude.multiply(a.magnitude, b.magnitude))
  }

  private static func signedAdd(_ an: Bool, _ am: Magnitude.Limbs, _ bn: Bool, _ bm: Magnitude.Limbs) -> BigInt {
    if an == bn { return BigInt(negative: an, magnitude: Magnitude.add(am, bm)) }
    if Magnitude.compare(am, bm) >= 0 { return BigInt(negative: an, magnitude: Magnitude.subtract(am, bm)) }
    return BigInt(negative: bn, magnitude: Magnitude.subtract(bm, am))
  }

  /// Truncating quotient and remainder (the remainder has the dividend's sign); `b != 0`.
  func truncatingDivision(_ b: BigInt) -> (quotient: BigInt, remainder: BigInt) {
    if large.isEmpty && b.large.isEmpty && !(small == .min && b.small == -1) {
      return (BigInt(small / b.small), BigInt(small % b.small))
    }
    let (q, r) = Magnitude.divide(magnitude, b.magnitude)
    return (BigInt(negative: isNegative != b.isNegative, magnitude: q), BigInt(negative: isNegative, magnitude: r))
  }

  /// Floor quotient and the remainder with the divisor's sign (`//` and `%`); `b != 0`.
  func flooredDivision(_ b: BigInt) -> (quotient: BigInt, remainder: BigInt) {
    var (q, r) = truncatingDivision(b)
    if !r.isZero && r.isNegative != b.isNegative {
      q = q - 1
      r = r + b
    }
    return (q, r)
  }

  /// `self ** exponent` for `exponent >= 0`, or nil when the result would pass
  /// `maximumFoldedBits`.
  func power(_ exponent: Int) -> BigInt? {
    if exponent == 0 { return 1 }
    if isZero || self == 1 { return self }
    if self == -1 { return exponent & 1 == 0 ? 1 : -1 }
    let lowerBound = (magnitudeBitWidth - 1).multipliedReportingOverflow(by: exponent)
    if lowerBound.overflow || lowerBound.partialValue > BigInt.maximumFoldedBits || exponent > BigInt.maximumFoldedBits {
      return nil
    }
    var result: BigInt = 1
    var base = self
    var n = exponent
    while n > 0 {
      if n & 1 == 1 { result = result * base }
      n >>= 1
      if n > 0 { base = base * base }
    }
    return result
  }

  /// `self << count` for `count >= 0`, or nil when the result would pass `maximumFoldedBits`.
  func shiftedLeft(_ count: Int) -> BigInt? {
    if isZero { return self }
    if count > BigInt.maximumFoldedBits { return nil }
    if large.isEmpty && count < 63 {
      let r = small << Int64(count)
      if r >> Int64(count) == small { return BigInt(r) }
    }
    return BigInt(negative: isNegative, magnitude: Magnitude.shiftLeft(magnitude, count))
  }

  /// The arithmetic (flooring) `self >> count` for `count >= 0`.
  func shiftedRight(_ count: Int) -> BigInt {
    if large.isEmpty { return BigInt(count >= 64 ? (small < 0 ? -1 : 0) : small >> Int64(count)) }
    if !largeNegative { return BigInt(negative: false, magnitude: Magnitude.shiftRight(large, count)) }
    // floor(-m / 2^k) = -(((m - 1) >> k) + 1)
    let m1 = Magnitude.subtract(large, [1])
    return -(BigInt(negative: false, magnitude: Magnitude.shiftRight(m1, count)) + 1)
  }

  /// `~self`, that is `-self - 1`.
  public static prefix func ~ (a: BigInt) -> BigInt {
    if a.large.isEmpty { return BigInt(~a.small) }
    return -a - 1
  }

  public static func & (a: BigInt, b: BigInt) -> BigInt { bitwise(a, b, &) }
  public static func | (a: BigInt, b: BigInt) -> BigInt { bitwise(a, b, |) }
  public static func ^ (a: BigInt, b: BigInt) -> BigInt { bitwise(a, b, ^) }

  /// A bitwise operation on the infinite two's complement patterns of `a` and `b`.
  private static func bitwise(_ a: BigInt, _ b: BigInt, _ op: (UInt32, UInt32) -> UInt32) -> BigInt {
    if a.large.isEmpty && b.large.isEmpty {
      return BigInt(Int64(bitPattern: UInt64(op(UInt32(truncatingIfNeeded: a.small), UInt32(truncatingIfNeeded: b.small)))
        | UInt64(op(UInt32(truncatingIfNeeded: a.small >> 32), UInt32(truncatingIfNeeded: b.small >> 32))) << 32))
    }
    // One extra limb holds the sign, so the top limb of each pattern is all sign bits.
    let count = max(a.magnitude.count, b.magnitude.count) + 1
    let x = a.twosComplement(count), y = b.twosComplement(count)
    var r = Magnitude.Limbs(repeating: 0, count: count)
    for i in 0..<count { r[i] = op(x[i], y[i]) }
    return fromTwosComplement(r)
  }

  /// The low `count` limbs of the two's complement pattern.
  private func twosComplement(_ count: Int) -> Magnitude.Limbs {
    var m = magnitude
    m += Magnitude.Limbs(repeating: 0, count: count - m.count)
    if !isNegative { return m }
    var carry: UInt64 = 1
    for i in 0..<count {
      let t = UInt64(~m[i]) + carry
      m[i] = UInt32(truncatingIfNeeded: t)
      carry = t >> 32
    }
    return m
  }

  private static func fromTwosComplement(_ pattern: Magnitude.Limbs) -> BigInt {
    guard let top = pattern.last, top & 0x8000_0000 != 0 else {
      var m = pattern
      Magnitude.normalize(&m)
      return BigInt(negative: false, magnitude: m)
    }
    var m = pattern
    var carry: UInt64 = 1
    for i in 0..<m.count {
      let t = UInt64(~m[i]) + carry
      m[i] = UInt32(truncatingIfNeeded: t)
      carry = t >> 32
    }
    Magnitude.normalize(&m)
    return BigInt(negative: true, magnitude: m)
  }

  /// The greatest common divisor of the absolute values (Euclid).
  static func gcd(_ a: BigInt, _ b: BigInt) -> BigInt {
    var x = a.isNegative ? -a : a
    var y = b.isNegative ? -b : b
    while !y.isZero {
      if x.large.isEmpty && y.large.isEmpty {
        var u = x.small.magnitude, v = y.small.magnitude
        while v != 0 { (u, v) = (v, u % v) }
        return BigInt(negative: false, magnitude: Magnitude.limbs(u))
      }
      (x, y) = (y, x.truncatingDivision(y).remainder)
    }
    return x
  }
}
