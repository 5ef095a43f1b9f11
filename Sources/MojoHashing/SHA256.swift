//! SHA-256 (FIPS 180-4), the digest of the action cache and of REAPI. Written here rather than
//! taken from swift-crypto: mojoc hashes a few megabytes per build at most, and a package
//! with its own start-up and BoringSSL would weigh on every run, `mojoc --help` included.
//! Blocks are compressed by the CPU's SHA extensions when it has them (`CSHA256`, about 10x
//! faster), else in Swift. Checked against the FIPS test vectors on both paths (`SHA256Tests`).
import CSHA256

/// A SHA-256 digest computed incrementally.
public struct SHA256 {
  private var state: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) =
    (0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19)
  /// Bytes not yet hashed (fewer than 64).
  private var pending: [UInt8] = []
  private var length: UInt64 = 0

  /// True when blocks go to the CPU's SHA extensions (tests also run the Swift path).
  private let usesHardware: Bool

  /// A hasher; `usesHardware` picks the CPU's SHA extensions (when it has them) or Swift.
  public init(usesHardware: Bool = SHA256.hasHardware) {
    self.usesHardware = usesHardware
    pending.reserveCapacity(64)
  }

  /// The digest of `bytes`.
  public static func hash(_ bytes: some Sequence<UInt8>) -> Digest {
    var hasher = SHA256()
    hasher.update(Array(bytes))
    return hasher.finalize()
  }

  /// Adds bytes to the message.
  public mutating func update(_ bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { update($0) }
  }

  /// Adds the UTF-8 bytes of `text` to the message.
  public mutating func update(_ text: String) {
    var text = text
    text.withUTF8 { update($0) }
  }

  /// Adds bytes to the message.
  public mutating func update(_ bytes: UnsafeBufferPointer<UInt8>) {
    length &+= UInt64(bytes.count)
    var rest = bytes[...]
    if !pending.isEmpty {
      let take = min(64 - pending.count, rest.count)
      pending += rest.prefix(take)
      rest = rest.dropFirst(take)
      if pending.count < 64 { return }
      pending.withUnsafeBufferPointer { compress(UnsafeRawPointer($0.baseAddress!), blocks: 1) }
      pending.removeAll(keepingCapacity: true)
    }
    let base = UnsafeRawPointer(bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!)
    let offset = rest.startIndex
    let blocks = (rest.endIndex - offset) / 64
    if blocks > 0 { compress(base + offset, blocks: blocks) }
    pending += bytes[(offset + blocks * 64)..<rest.endIndex]
  }

  /// The digest of everything added.
  public consuming func finalize() -> Digest {
    let bits = length &* 8
    var tail = pending
    tail.append(0x80)
    while tail.count % 64 != 56 { tail.append(0) }
    for k in (0..<8).reversed() { tail.append(UInt8(truncatingIfNeeded: bits >> (UInt64(k) * 8))) }
    tail.withUnsafeBufferPointer { compress(UnsafeRawPointer($0.baseAddress!), blocks: $0.count / 64) }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(32)
    for word in [state.0, state.1, state.2, state.3, state.4, state.5, state.6, state.7] {
      bytes += [UInt8(word >> 24), UInt8(truncatingIfNeeded: word >> 16), UInt8(truncatingIfNeeded: word >> 8),
                UInt8(truncatingIfNeeded: word)]
    }
    return Digest(bytes: bytes)
  }

  private static let k: [UInt32] = [
    0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
    0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
    0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
    0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
    0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
    0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
    0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
    0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
  ]

  /// True when this CPU has the SHA extensions.
  public static let hasHardware = mojoc_sha256_has_hardware() != 0

  /// Hashes `blocks` consecutive 64-byte blocks into the state.
  private mutating func compress(_ data: UnsafeRawPointer, blocks: Int) {
    if usesHardware {
      withUnsafeMutableBytes(of: &state) { words in
        mojoc_sha256_blocks(words.baseAddress!.assumingMemoryBound(to: UInt32.self),
                            data.assumingMemoryBound(to: UInt8.self), blocks)
      }
      return
    }
    for k in 0..<blocks { compress(data + 64 * k) }
  }

  /// Hashes one 64-byte block into the state, in Swift.
  private mutating func compress(_ block: UnsafeRawPointer) {
    withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
      for t in 0..<16 { w[t] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: t * 4, as: UInt32.self)) }
      for t in 16..<64 {
        let s0 = w[t - 15].rotatedRight(7) ^ w[t - 15].rotatedRight(18) ^ (w[t - 15] >> 3)
        let s1 = w[t - 2].rotatedRight(17) ^ w[t - 2].rotatedRight(19) ^ (w[t - 2] >> 10)
        w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
      }
      var (a, b, c, d, e, f, g, h) = state
      SHA256.k.withUnsafeBufferPointer { k in
        for t in 0..<64 {
          let s1 = e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)
          let choice = (e & f) ^ (~e & g)
          let t1 = h &+ s1 &+ choice &+ k[t] &+ w[t]
          let s0 = a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)
          let majority = (a & b) ^ (a & c) ^ (b & c)
          let t2 = s0 &+ majority
          (h, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ t2)
        }
      }
      state = (state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d, state.4 &+ e, state.5 &+ f, state.6 &+ g,
               state.7 &+ h)
    }
  }
}

/// A SHA-256 digest: 32 bytes, shown as 64 lowercase hex digits.
public struct Digest: Hashable, Sendable, CustomStringConvertible {
  public var bytes: [UInt8]

  public init(bytes: [UInt8]) { self.bytes = bytes }

  public var description: String { hex }

  /// The digest as 64 lowercase hex digits.
  public var hex: String {
    let digits = Array("0123456789abcdef".utf8)
    var text: [UInt8] = []
    text.reserveCapacity(64)
    for byte in bytes {
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 15)])
    }
    return String(decoding: text, as: UTF8.self)
  }
}

extension UInt32 {
  /// Rotates the bits right by `n` (0 < n < 32).
  @inline(__always) fileprivate func rotatedRight(_ n: UInt32) -> UInt32 { (self >> n) | (self << (32 - n)) }
}
