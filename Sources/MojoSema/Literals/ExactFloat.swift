//! `ExactFloat`: the value of a FloatLiteral (LANGUAGE.md §6.1), an exact rational plus the two
//! IEEE values literal arithmetic can produce: NaN (division by zero) and negative zero
//! (`-0.0`, which prints as `-0.0` once materialized).

/// An exact rational, `-0.0`, or NaN.
public enum ExactFloat: Sendable, Hashable, CustomStringConvertible {
  /// `numerator / denominator` in lowest terms with `denominator > 0`; zero is `0 / 1`. Boxed,
  /// so that an `ExactFloat` is one pointer and `ConstantValue` stays small.
  indirect case rational(numerator: BigInt, denominator: BigInt)
  case negativeZero
  case nan

  /// Decimal exponents beyond this are clamped when reading a literal, which keeps `1e999999`
  /// from building a million-digit number; such values materialize to `inf` or `0.0` anyway.
  static let maximumDecimalExponent = 20_000

  /// The integer `value` as a rational.
  public init(_ value: BigInt) {
    self = .rational(numerator: value, denominator: 1)
  }

  /// `n / d` in lowest terms; `d` must be non-zero.
  static func fraction(_ n: BigInt, _ d: BigInt) -> ExactFloat {
    var n = n, d = d
    if d.isNegative {
      n = -n
      d = -d
    }
    if d == 1 { return .rational(numerator: n, denominator: 1) }
    if n.isZero { return .rational(numerator: 0, denominator: 1) }
    let g = BigInt.gcd(n, d)
    if g != 1 {
      n = n.truncatingDivision(g).quotient
      d = d.truncatingDivision(g).quotient
    }
    return .rational(numerator: n, denominator: d)
  }

  /// An upper bound of the bits the significant digits of a float literal need (leading and
  /// trailing zeros do not count: `1.000…0` is small however many zeros it has).
  static func literalBits(_ text: String) -> Int {
    var first = -1, last = -1, k = 0
    for b in text.utf8 {
      if b | 0x20 == UInt8(ascii: "e") { break }
      if b >= UInt8(ascii: "1") && b <= UInt8(ascii: "9") {
        if first < 0 { first = k }
        last = k
      }
      if b != UInt8(ascii: ".") { k += 1 }
    }
    return first < 0 ? 0 : ((last - first + 1) * 3322 + 999) / 1000  // log2(10) < 3.322
  }

  /// Reads a float literal's text (`1.5`, `2.`, `.5`, `6.02e23`; underscores already removed).
  public init?(literal text: String) {
    let bytes = Array(text.utf8)
    var digits: [UInt8] = []
    digits.reserveCapacity(bytes.count)
    var fractionDigits = 0
    var i = 0
    var sawPoint = false
    while i < bytes.count, bytes[i] | 0x20 != UInt8(ascii: "e") {
      if bytes[i] == UInt8(ascii: ".") {
        if sawPoint { return nil }
        sawPoint = true
      } else {
        digits.append(bytes[i])
        if sawPoint { fractionDigits += 1 }
      }
      i += 1
    }
    var exponent = 0
    if i < bytes.count {
      i += 1
      var negative = false
      if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") {
        negative = bytes[i] == UInt8(ascii: "-")
        i += 1
      }
      if i == bytes.count { return nil }
      while i < bytes.count {
        guard bytes[i] >= UInt8(ascii: "0") && bytes[i] <= UInt8(ascii: "9") else { return nil }
        exponent = min(exponent * 10 + Int(bytes[i] - UInt8(ascii: "0")), 1_000_000_000)
        i += 1
      }
      if negative { exponent = -exponent }
    }
    if digits.isEmpty { return nil }
    // Trailing zeros scale instead of multiplying the mantissa: `1.000…0` stays 1, exactly.
    while digits.count > 1, digits[digits.count - 1] == UInt8(ascii: "0") {
      digits.removeLast()
      exponent += 1
    }
    guard let mantissa = BigInt.parseDigits(digits[...], radix: 10) else { return nil }
    let scale = max(-ExactFloat.maximumDecimalExponent, min(ExactFloat.maximumDecimalExponent, exponent - fractionDigits))
    if mantissa.isZero {
      self = ExactFloat(0)
    } else if scale >= 0 {
      self = ExactFloat(mantissa * BigInt(10).power(scale)!)
    } else {
      self = .fraction(mantissa, BigInt(10).power(-scale)!)
    }
  }

  public var isNaN: Bool { self == .nan }

  /// True for zero of either sign.
  var isZero: Bool {
    switch self {
    case .rational(let n, _): n.isZero
    case .negativeZero: true
    case .nan: false
    }
  }

  /// The IEEE sign: set for negative values and for `-0.0`.
  var signIsNegative: Bool {
    switch self {
    case .rational(let n, _): n.isNegative
    case .negativeZero: true
    case .nan: false
    }
  }

  /// Numerator and denominator, with `-0.0` read as `0 / 1`; nil for NaN.
  var parts: (numerator: BigInt, denominator: BigInt)? {
    switch self {
    case .rational(let n, let d): (n, d)
    case .negativeZero: (0, 1)
    case .nan: nil
    }
  }

  /// A zero result with the sign IEEE arithmetic would give it.
  private static func zero(negative: Bool) -> ExactFloat {
    negative ? .negativeZero : ExactFloat(0)
  }

  public var description: String {
    switch self {
    case .rational(let n, let d): d == 1 ? "\(n)" : "\(n)/\(d)"
    case .negativeZero: "-0"
    case .nan: "nan"
    }
  }

  public static prefix func - (a: ExactFloat) -> ExactFloat {
    switch a {
    case .rational(let n, let d): n.isZero ? .negativeZero : .rational(numerator: -n, denominator: d)
    case .negativeZero: ExactFloat(0)
    case .nan: .nan
    }
  }

  public static func + (a: ExactFloat, b: ExactFloat) -> ExactFloat {
    guard let (an, ad) = a.parts, let (bn, bd) = b.parts else { return .nan }
    if a.isZero && b.isZero { return zero(negative: a.signIsNegative && b.signIsNegative) }
    if ad == bd { return fraction(an + bn, ad) }
    return fraction(an * bd + bn * ad, ad * bd)
  }

  public static func - (a: ExactFloat, b: ExactFloat) -> ExactFloat {
    a + -b
  }

  public static func * (a: ExactFloat, b: ExactFloat) -> ExactFloat {
    guard let (an, ad) = a.parts, let (bn, bd) = b.parts else { return .nan }
    if an.isZero || bn.isZero { return zero(negative: a.signIsNegative != b.signIsNegative) }
    return fraction(an * bn, ad * bd)
  }

  /// The exact quotient; a zero divisor gives NaN (§6.1).
  public static func / (a: ExactFloat, b: ExactFloat) -> ExactFloat {
    guard let (an, ad) = a.parts, let (bn, bd) = b.parts, !bn.isZero else { return .nan }
    if an.isZero { return zero(negative: a.signIsNegative != b.signIsNegative) }
    return fraction(an * bd, ad * bn)
  }

  /// `floor(a / b)` of the exact quotient; a zero divisor gives NaN.
  public static func floorDivide(_ a: ExactFloat, _ b: ExactFloat) -> ExactFloat {
    let quotient = a / b
    // NaN and `-0.0` (a zero dividend) are their own floor.
    guard case .rational(let n, let d) = quotient else { return quotient }
    return ExactFloat(n.flooredDivision(d).quotient)
  }

  /// `a - b * floor(a / b)`: the remainder with the divisor's sign; a zero divisor gives NaN.
  public static func modulo(_ a: ExactFloat, _ b: ExactFloat) -> ExactFloat {
    let q = floorDivide(a, b)
    if q.isNaN { return .nan }
    let r = a - b * q
    return r.isZero ? ExactFloat(0) : r
  }

  /// `a ** n` computed exactly; nil when the result would be too large to fold. A negative
  /// power of zero is a division by zero and gives NaN.
  public static func power(_ a: ExactFloat, _ n: BigInt) -> ExactFloat? {
    guard let (an, ad) = a.parts else { return .nan }
    if n.isZero { return ExactFloat(1) }
    guard let e = n.isNegative ? (-n).exactInt : n.exactInt else { return nil }
    if an.isZero {
      if n.isNegative { return .nan }
      return a.signIsNegative && e & 1 == 1 ? .negativeZero : ExactFloat(0)
    }
    guard let pn = an.power(e), let pd = ad.power(e) else { return nil }
    // Lowest terms are kept: powers of coprime numbers stay coprime.
    return n.isNegative ? fraction(pd, pn) : .rational(numerator: pn, denominator: pd)
  }

  /// The exact ordering of `a` and `b` (-1, 0, 1), or nil when either is NaN. `-0.0` equals
  /// `0.0`.
  public static func compare(_ a: ExactFloat, _ b: ExactFloat) -> Int? {
    guard let (an, ad) = a.parts, let (bn, bd) = b.parts else { return nil }
    let left = ad == bd ? an : an * bd
    let right = ad == bd ? bn : bn * ad
    return left < right ? -1 : left == right ? 0 : 1
  }
}
