//! Unsigned arbitrary-precision arithmetic on little-endian arrays of 32-bit limbs: the
//! schoolbook algorithms behind `BigInt` (Knuth, TAOCP vol. 2, §4.3.1). 32-bit limbs keep every
//! intermediate product and the division's trial quotient inside a `UInt64`.

/// Limb-level operations. Every array is normalized: no high zero limbs, and zero is `[]`.
enum Magnitude {
  typealias Limbs = [UInt32]

  /// Drops high zero limbs.
  static func normalize(_ a: inout Limbs) {
    while let last = a.last, last == 0 { a.removeLast() }
  }

  /// The limbs of a 64-bit magnitude.
  static func limbs(_ v: UInt64) -> Limbs {
    if v == 0 { return [] }
    if v >> 32 == 0 { return [UInt32(v)] }
    return [UInt32(truncatingIfNeeded: v), UInt32(v >> 32)]
  }

  /// -1, 0 or 1 as `a` is below, equal to or above `b`.
  static func compare(_ a: Limbs, _ b: Limbs) -> Int {
    if a.count != b.count { return a.count < b.count ? -1 : 1 }
    var i = a.count - 1
    while i >= 0 {
      if a[i] != b[i] { return a[i] < b[i] ? -1 : 1 }
      i -= 1
    }
    return 0
  }

  /// The number of significant bits (0 for zero).
  static func bitWidth(_ a: Limbs) -> Int {
    guard let top = a.last else { return 0 }
    return a.count * 32 - top.leadingZeroBitCount
  }

  /// `a + b`.
  static func add(_ a: Limbs, _ b: Limbs) -> Limbs {
    let (long, short) = a.count >= b.count ? (a, b) : (b, a)
    var r = Limbs()
    r.reserveCapacity(long.count + 1)
    var carry: UInt64 = 0
    for i in 0..<long.count {
      let s = UInt64(long[i]) + (i < short.count ? UInt64(short[i]) : 0) + carry
      r.append(UInt32(truncatingIfNeeded: s))
      carry = s >> 32
    }
    if carry != 0 { r.append(UInt32(carry)) }
    return r
  }

  /// `a - b`; requires `a >= b`.
  static func subtract(_ a: Limbs, _ b: Limbs) -> Limbs {
    var r = a
    var borrow: Int64 = 0
    for i in 0..<a.count {
      var d = Int64(a[i]) - (i < b.count ? Int64(b[i]) : 0) - borrow
      if d < 0 {
        d += 1 << 32
        borrow = 1
      } else {
        borrow = 0
      }
      r[i] = UInt32(d)
    }
    normalize(&r)
    return r
  }

  /// `a * b`, schoolbook (literal operands are a few limbs; nothing here needs Karatsuba).
  static func multiply(_ a: Limbs, _ b: Limbs) -> Limbs {
    if a.isEmpty || b.isEmpty { return [] }
    var r = Limbs(repeating: 0, count: a.count + b.count)
    for i in 0..<a.count where a[i] != 0 {
      let x = UInt64(a[i])
      var carry: UInt64 = 0
      for j in 0..<b.count {
        // At most (2^32-1)^2 + 2 * (2^32-1) = 2^64 - 1: never overflows.
        let t = x * UInt64(b[j]) + UInt64(r[i + j]) + carry
        r[i + j] = UInt32(truncatingIfNeeded: t)
        carry = t >> 32
      }
      r[i + b.count] = UInt32(carry)
    }
    normalize(&r)
    return r
  }

  /// `a * m + c` for one-limb `m` and `c` (used when reading digits).
  static func multiplyAdd(_ a: Limbs, _ m: UInt32, _ c: UInt32) -> Limbs {
    var r = Limbs()
    r.reserveCapacity(a.count + 1)
    var carry = UInt64(c)
    for x in a {
      let t = UInt64(x) * UInt64(m) + carry
      r.append(UInt32(truncatingIfNeeded: t))
      carry = t >> 32
    }
    if carry != 0 { r.append(UInt32(carry)) }
    normalize(&r)
    return r
  }

  /// Quotient and remainder of `a` by a one-limb divisor.
  static func divide(_ a: Limbs, by d: UInt32) -> (quotient: Limbs, remainder: UInt32) {
    var q = Limbs(repeating: 0, count: a.count)
    var rem: UInt64 = 0
    var i = a.count - 1
    while i >= 0 {
      let cur = (rem << 32) | UInt64(a[i])
      q[i] = UInt32(cur / UInt64(d))
      rem = cur % UInt64(d)
      i -= 1
    }
    normalize(&q)
    return (q, UInt32(rem))
  }

  /// Truncating quotient and remainder (Knuth's Algorithm D); `v` must be non-zero.
  static func divide(_ u: Limbs, _ v: Limbs) -> (quotient: Limbs, remainder: Limbs) {
    precondition(!v.isEmpty, "division by zero")
    if compare(u, v) < 0 { return ([], u) }
    if v.count == 1 {
      let (q, r) = divide(u, by: v[0])
      return (q, r == 0 ? [] : [r])
    }
    let n = v.count
    let m = u.count - n
    // Normalize so that the divisor's top limb has its high bit set; the trial quotient is then
    // at most two too large.
    let s = v[n - 1].leadingZeroBitCount
    let vn = shiftedLimbs(v, s, count: n)
    var un = shiftedLimbs(u, s, count: u.count + 1)
    var q = Limbs(repeating: 0, count: m + 1)
    let base: UInt64 = 1 << 32
    var j = m
    while j >= 0 {
      let top = (UInt64(un[j + n]) << 32) | UInt64(un[j + n - 1])
      var qhat = top / UInt64(vn[n - 1])
      var rhat = top % UInt64(vn[n - 1])
      while qhat >= base || qhat * UInt64(vn[n - 2]) > ((rhat << 32) | UInt64(un[j + n - 2])) {
        qhat -= 1
        rhat += UInt64(vn[n - 1])
        if rhat >= base { break }
      }
      // Multiply and subtract; `k` carries the signed borrow.
      var k: Int64 = 0
      for i in 0..<n {
        let p = qhat * UInt64(vn[i])
        let t = Int64(un[i + j]) - k - Int64(p & 0xFFFF_FFFF)
        un[i + j] = UInt32(truncatingIfNeeded: t)
        k = Int64(p >> 32) - (t >> 32)
      }
      let t = Int64(un[j + n]) - k
      un[j + n] = UInt32(truncatingIfNeeded: t)
      if t < 0 {
        // The trial quotient was one too large: add the divisor back.
        qhat -= 1
        var c: UInt64 = 0
        for i in 0..<n {
          let sum = UInt64(un[i + j]) + UInt64(vn[i]) + c
          un[i + j] = UInt32(truncatingIfNeeded: sum)
          c = sum >> 32
        }
        un[j + n] = UInt32(truncatingIfNeeded: UInt64(un[j + n]) + c)
      }
      q[j] = UInt32(qhat)
      j -= 1
    }
    var r = Limbs(repeating: 0, count: n)
    for i in 0..<n {
      r[i] = s == 0 ? un[i] : (un[i] >> UInt32(s)) | (un[i + 1] << UInt32(32 - s))
    }
    normalize(&q)
    normalize(&r)
    return (q, r)
  }

  /// `a` shifted left by `s < 32` bits into exactly `count` limbs (not normalized).
  private static func shiftedLimbs(_ a: Limbs, _ s: Int, count: Int) -> Limbs {
    var r = Limbs(repeating: 0, count: count)
    for i in 0..<a.count {
      r[i] |= a[i] << UInt32(s)
      if s != 0, i + 1 < count { r[i + 1] = a[i] >> UInt32(32 - s) }
    }
    return r
  }

  /// `a << bits`.
  static func shiftLeft(_ a: Limbs, _ bits: Int) -> Limbs {
    if a.isEmpty || bits == 0 { return a }
    let whole = bits / 32
    let s = UInt32(bits % 32)
    var r = Limbs(repeating: 0, count: a.count + whole + 1)
    for i in 0..<a.count {
      r[i + whole] |= a[i] << s
      if s != 0 { r[i + whole + 1] = a[i] >> (32 - s) }
    }
    normalize(&r)
    return r
  }

  /// `a >> bits`, discarding the bits shifted out.
  static func shiftRight(_ a: Limbs, _ bits: Int) -> Limbs {
    let whole = bits / 32
    if whole >= a.count { return [] }
    let s = UInt32(bits % 32)
    var r = Limbs(repeating: 0, count: a.count - whole)
    for i in 0..<r.count {
      r[i] = a[i + whole] >> s
      if s != 0, i + whole + 1 < a.count { r[i] |= a[i + whole + 1] << (32 - s) }
    }
    normalize(&r)
    return r
  }
}
