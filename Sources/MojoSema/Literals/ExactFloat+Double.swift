//! Materializing an exact literal as a `Float64` (LANGUAGE.md §6.2): the rational rounded to
//! nearest, ties to even, with subnormals, `inf` past the top of the range and `0.0` below the
//! bottom. Pure integer arithmetic: scale so that the quotient has 53 bits, divide, and round
//! on the remainder, so there is no double rounding anywhere.

extension ExactFloat {
  /// The nearest `Double`.
  public var nearestDouble: Double {
    switch self {
    case .nan: return .nan
    case .negativeZero: return -0.0
    case .rational(let n, let d):
      if d == 1 { return n.nearestDouble }
      let magnitude = ExactFloat.roundedMagnitude(n.magnitude, d.magnitude)
      return n.isNegative ? -magnitude : magnitude
    }
  }

  /// The nearest `Double` to `p / q` for positive `p` and `q`.
  static func roundedMagnitude(_ p: Magnitude.Limbs, _ q: Magnitude.Limbs) -> Double {
    if p.isEmpty { return 0 }
    let widthDifference = Magnitude.bitWidth(p) - Magnitude.bitWidth(q)
    // p/q < 2^(widthDifference + 1): at or past 2^1024 it is infinite, below 2^-1076 (under half
    // the smallest subnormal) it rounds to zero.
    if widthDifference > 1024 { return .infinity }
    if widthDifference < -1077 { return 0 }
    // Pick e with p / (q * 2^e) in [2^52, 2^54), but never below the subnormal exponent.
    var e = max(widthDifference - 53, -1074)
    var (quotient, remainder, divisor) = scaledDivision(p, q, e)
    if Magnitude.bitWidth(quotient) > 53 {
      e += 1
      (quotient, remainder, divisor) = scaledDivision(p, q, e)
    }
    var significand = quotient.isEmpty ? 0 : UInt64(quotient[0]) | (quotient.count > 1 ? UInt64(quotient[1]) << 32 : 0)
    let half = Magnitude.compare(Magnitude.shiftLeft(remainder, 1), divisor)
    if half > 0 || (half == 0 && significand & 1 == 1) { significand += 1 }
    if significand == 1 << 53 {
      significand = 1 << 52
      e += 1
    }
    if significand < 1 << 52 {
      // Subnormal (e is -1074): the significand is the bit pattern itself.
      return Double(bitPattern: significand)
    }
    let biased = e + 52 + 1023
    if biased >= 2047 { return .infinity }
    return Double(bitPattern: UInt64(biased) << 52 | (significand & ((1 << 52) - 1)))
  }

  /// `p / (q * 2^e)` as quotient, remainder and the divisor actually used.
  private static func scaledDivision(_ p: Magnitude.Limbs, _ q: Magnitude.Limbs, _ e: Int)
    -> (Magnitude.Limbs, Magnitude.Limbs, Magnitude.Limbs)
  {
    let dividend = e < 0 ? Magnitude.shiftLeft(p, -e) : p
    let divisor = e > 0 ? Magnitude.shiftLeft(q, e) : q
    let (quotient, remainder) = Magnitude.divide(dividend, divisor)
    return (quotient, remainder, divisor)
  }
}

extension BigInt {
  /// The nearest `Double` (ties to even); `inf` beyond the range.
  public var nearestDouble: Double {
    // Swift's Int64 -> Double conversion is itself correctly rounded.
    if large.isEmpty { return Double(small) }
    let magnitude = ExactFloat.roundedMagnitude(large, [1])
    return largeNegative ? -magnitude : magnitude
  }
}

extension ExactFloat {
  /// The exact value of a finite `Double` (NaN stays NaN); nil for an infinity, which no
  /// literal can hold.
  public init?(exactly d: Double) {
    if d.isNaN {
      self = .nan
      return
    }
    guard d.isFinite else { return nil }
    if d == 0 {
      self = d.sign == .minus ? .negativeZero : ExactFloat(0)
      return
    }
    let significand = BigInt(Int64(d.significandBitPattern | (d.isNormal ? 1 << 52 : 0)))
    // A subnormal has the exponent of the smallest normal, without the hidden bit.
    let exponent = Int(d.isNormal ? d.exponentBitPattern : 1) - 1075
    let magnitude = exponent >= 0
      ? ExactFloat(significand.shiftedLeft(exponent)!)
      : ExactFloat.fraction(significand, BigInt(1).shiftedLeft(-exponent)!)
    self = d < 0 ? -magnitude : magnitude
  }
}
