//! SplitMix64, the seeded generator behind every corpus choice. Swift's own random numbers are
//! never used: the same seed must give the same bytes on every machine and Swift version.

/// A 64-bit pseudo-random generator (Steele, Lea and Flood's SplitMix64).
public struct SplitMix64: Sendable {
  private var state: UInt64

  public init(seed: UInt64) { state = seed }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A value in `0..<bound` (bound > 0); the tiny modulo bias does not matter for test programs.
  public mutating func below(_ bound: Int) -> Int {
    Int(truncatingIfNeeded: next() % UInt64(bound))
  }

  /// A value in `range`.
  public mutating func within(_ range: ClosedRange<Int>) -> Int {
    range.lowerBound + below(range.upperBound - range.lowerBound + 1)
  }

  /// True with probability `percent` / 100.
  public mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

  /// A generator for a sub-stream, so that one module's text does not depend on how many
  /// numbers another module drew.
  public func fork(_ salt: UInt64) -> SplitMix64 {
    var copy = SplitMix64(seed: state ^ (salt &* 0xD6E8_FEB8_6659_FD93))
    _ = copy.next()
    return copy
  }
}
