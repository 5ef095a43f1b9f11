//! `BigInt` and `ExactFloat` checked against independent oracles: Int64 wrapping arithmetic
//! (the low 64 bits of an exact result must equal the wrapped one), the division identity, and
//! Swift's own correctly rounded `Double(String)` for literal materialization.
import Testing
@testable import MojoSema

/// A deterministic pseudo-random source (SplitMix64), so failures reproduce.
struct SplitMix {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

  /// A signed integer of up to `limbs` 32-bit limbs, built from its decimal text.
  mutating func bigInt(limbs: Int) -> BigInt {
    var value = BigInt(0)
    for _ in 0..<(1 + below(limbs)) { value = value * BigInt(1 << 32) + BigInt(Int64(next() >> 32)) }
    return next() & 1 == 0 ? value : -value
  }
}

@Suite struct BigIntTests {
  @Test func smallValuesAgreeWithInt64() {
    var rng = SplitMix(state: 1)
    for _ in 0..<2000 {
      let a = Int64(bitPattern: rng.next()) >> Int64(rng.below(64))
      let b = Int64(bitPattern: rng.next()) >> Int64(rng.below(64))
      let x = BigInt(a), y = BigInt(b)
      #expect((x + y).wrappedInt64 == a &+ b)
      #expect((x - y).wrappedInt64 == a &- b)
      #expect((x * y).wrappedInt64 == a &* b)
      #expect((x & y).wrappedInt64 == a & b && (x | y).wrappedInt64 == a | b && (x ^ y).wrappedInt64 == a ^ b)
      #expect((~x).wrappedInt64 == ~a)
      #expect((x < y) == (a < b) && (x == y) == (a == b))
      if b != 0 && !(a == .min && b == -1) {
        #expect(x.flooredDivision(y).quotient.wrappedInt64 == IntegerSemantics.floorDiv(a, b))
        #expect(x.flooredDivision(y).remainder.wrappedInt64 == IntegerSemantics.floorMod(a, b))
      }
      #expect(x.nearestDouble == Double(a))
    }
  }

  @Test func low64BitsOfExactResultsMatchWrapping() {
    var rng = SplitMix(state: 2)
    for _ in 0..<500 {
      let x = rng.bigInt(limbs: 6), y = rng.bigInt(limbs: 6)
      let a = x.wrappedInt64, b = y.wrappedInt64
      #expect((x + y).wrappedInt64 == a &+ b)
      #expect((x - y).wrappedInt64 == a &- b)
      #expect((x * y).wrappedInt64 == a &* b)
      #expect((x & y).wrappedInt64 == a & b)
      #expect((x | y).wrappedInt64 == a | b)
      #expect((x ^ y).wrappedInt64 == a ^ b)
      #expect((~x).wrappedInt64 == ~a)
      let k = rng.below(100)
      #expect(x.shiftedLeft(k)!.wrappedInt64 == (k >= 64 ? 0 : a << Int64(k)))
    }
  }

  @Test func divisionIdentityHolds() {
    var rng = SplitMix(state: 3)
    for _ in 0..<500 {
      let a = rng.bigInt(limbs: 10), b = rng.bigInt(limbs: 5)
      if b.isZero { continue }
      let (q, r) = a.truncatingDivision(b)
      #expect(q * b + r == a)
      #expect(Magnitude.compare(r.magnitude, b.magnitude) < 0)
      #expect(r.isZero || r.isNegative == a.isNegative)
      let (fq, fr) = a.flooredDivision(b)
      #expect(fq * b + fr == a)
      #expect(fr.isZero || fr.isNegative == b.isNegative)
    }
  }

  @Test func shiftsAreMultiplicationAndFlooredDivisionByPowersOfTwo() {
    var rng = SplitMix(state: 4)
    for _ in 0..<300 {
      let a = rng.bigInt(limbs: 5)
      let k = rng.below(200)
      let power = BigInt(2).power(k)!
      #expect(a.shiftedLeft(k)! == a * power)
      #expect(a.shiftedRight(k) == a.flooredDivision(power).quotient)
    }
  }

  @Test func decimalTextRoundTrips() {
    var rng = SplitMix(state: 5)
    for _ in 0..<300 {
      let a = rng.bigInt(limbs: 8)
      let text = a.description
      let parsed = text.hasPrefix("-") ? -BigInt(literal: String(text.dropFirst()))! : BigInt(literal: text)!
      #expect(parsed == a)
    }
    #expect(BigInt(literal: "0xFFFFFFFFFFFFFFFF")!.description == "18446744073709551615")
    #expect(BigInt(literal: "0o777")! == 511 && BigInt(literal: "0b1011")! == 11)
    #expect(BigInt(literal: "0x1G") == nil)
  }

  @Test func materializationWrapsModulo2To64() {
    #expect(BigInt(literal: "99999999999999999999")!.wrappedInt64 == 7_766_279_631_452_241_919)
    #expect(BigInt(2).power(64)!.wrappedInt64 == 0)
    #expect(BigInt(2).power(64)!.description == "18446744073709551616")
    #expect((-BigInt(2).power(63)!).wrappedInt64 == .min)
    #expect(BigInt(2).power(63)!.wrappedInt64 == .min)
  }

  @Test func hugeResultsAreNotFolded() {
    #expect(BigInt(2).power(1 << 30) == nil)
    #expect(BigInt(1).shiftedLeft(1 << 30) == nil)
  }
}

@Suite struct ExactFloatTests {
  /// Random decimal literal text with up to 25 significant digits and a wide exponent.
  static func randomLiteral(_ rng: inout SplitMix) -> String {
    var digits = ""
    for _ in 0..<(1 + rng.below(25)) { digits += String(rng.below(10)) }
    let point = rng.below(digits.count + 1)
    let mantissa = point == digits.count ? digits + ".0" : String(digits.prefix(point)) + "." + String(digits.dropFirst(point))
    return mantissa + "e" + String(rng.below(700) - 350)
  }

  @Test func literalsRoundLikeTheStandardLibrary() {
    var rng = SplitMix(state: 6)
    for _ in 0..<3000 {
      let text = ExactFloatTests.randomLiteral(&rng)
      let exact = ExactFloat(literal: text)!.nearestDouble
      #expect(exact.bitPattern == Double(text)!.bitPattern, "\(text)")
    }
    for text in ["5e-324", "2.4703282292062328e-324", "2.4703282292062327e-324", "1.7976931348623157e308",
                 "1.7976931348623158e308", "1.7976931348623159e308", "2.2250738585072011e-308", "9007199254740993.0",
                 "1e400", "1e-400", "0.1", "0.30000000000000004"] {
      #expect(ExactFloat(literal: text)!.nearestDouble.bitPattern == Double(text)!.bitPattern, "\(text)")
    }
  }

  @Test func midpointsRoundToEven() {
    var rng = SplitMix(state: 7)
    for _ in 0..<1000 {
      var d = Double(bitPattern: rng.next() >> 2)
      if !d.isFinite || d.nextUp.isInfinite { d = 1.5 }
      let low = ExactFloat(exactly: d)!, high = ExactFloat(exactly: d.nextUp)!
      let midpoint = (low + high) / ExactFloat(2)
      let even = d.significandBitPattern & 1 == 0 ? d : d.nextUp
      #expect(midpoint.nearestDouble == even)
      #expect(ExactFloat(exactly: d)!.nearestDouble == d)
      // Just above and below the midpoint.
      let tiny = ExactFloat.fraction(1, BigInt(1).shiftedLeft(1200)!)
      #expect((midpoint + tiny).nearestDouble == d.nextUp)
      #expect((midpoint - tiny).nearestDouble == d)
    }
  }

  @Test func rangeEdges() {
    let maxPlusHalfUlp = ExactFloat(exactly: .greatestFiniteMagnitude)! + ExactFloat.fraction(BigInt(1).shiftedLeft(970)!, 1)
    #expect(maxPlusHalfUlp.nearestDouble == .infinity)
    #expect((-maxPlusHalfUlp).nearestDouble == -.infinity)
    let halfSmallest = ExactFloat.fraction(1, BigInt(1).shiftedLeft(1075)!)
    #expect(halfSmallest.nearestDouble == 0)  // a tie, to the even zero
    #expect((halfSmallest + ExactFloat.fraction(1, BigInt(1).shiftedLeft(1200)!)).nearestDouble == 5e-324)
    #expect(ExactFloat.negativeZero.nearestDouble.bitPattern == (-0.0).bitPattern)
    #expect(ExactFloat.nan.nearestDouble.isNaN)
  }

  @Test func arithmeticIsExact() {
    let tenth = ExactFloat(literal: "0.1")!
    #expect(tenth + ExactFloat(literal: "0.2")! == ExactFloat(literal: "0.3")!)
    #expect(tenth * ExactFloat(3) == ExactFloat(literal: "0.3")!)
    #expect(ExactFloat(1) / ExactFloat(3) * ExactFloat(3) == ExactFloat(1))
    #expect(ExactFloat.compare(tenth + ExactFloat(literal: "0.2")!, ExactFloat(literal: "0.3")!) == 0)
    #expect(ExactFloat.compare(.nan, .nan) == nil)
    #expect(ExactFloat.floorDivide(-ExactFloat(literal: "7.5")!, ExactFloat(2)) == ExactFloat(-4))
    #expect(ExactFloat.modulo(-ExactFloat(literal: "7.5")!, ExactFloat(2)) == ExactFloat(literal: "0.5")!)
    #expect(ExactFloat.modulo(ExactFloat(7), ExactFloat(-3)) == ExactFloat(-2))
    #expect((ExactFloat(3) / ExactFloat(0)).isNaN)
    #expect(ExactFloat.floorDivide(ExactFloat(3), .negativeZero).isNaN)
    #expect(ExactFloat.modulo(ExactFloat(3), ExactFloat(0)).isNaN)
    #expect(ExactFloat.power(ExactFloat(literal: "1.1")!, 7) == ExactFloat(literal: "1.9487171")!)
    #expect(ExactFloat.power(ExactFloat(2), -1) == ExactFloat(literal: "0.5")!)
    #expect(ExactFloat.power(ExactFloat(0), -1)!.isNaN)
    #expect(-ExactFloat(0) == .negativeZero)
  }
}
