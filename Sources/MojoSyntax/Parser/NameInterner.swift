//! Interns identifiers straight from the file's bytes: an open-addressing table keyed by a hash
//! of the token's bytes (computed by the lexer while it scans the identifier), compared against
//! the first occurrence's bytes. A `String` is made once per distinct name, never per occurrence.

/// Maps identifier byte sequences of one file to dense `NameID`s.
struct NameInterner {
  /// Slot -> name index + 1 (0 = empty); the count is a power of two.
  private var slots: [UInt32] = Array(repeating: 0, count: 256)
  /// Per name: its hash, and where it first occurs in the file (its bytes are compared on a
  /// hash match).
  private var entries: [Entry] = []
  /// The names, indexed by `NameID`.
  private(set) var names: [String] = []

  private struct Entry {
    var hash: UInt32
    var start: UInt32
    var length: UInt32
  }

  /// FNV-1a over `bytes[start ..< start + length]`: the hash `intern` expects (the lexer
  /// computes the same while scanning).
  static func hash(_ bytes: UnsafeBufferPointer<UInt8>, start: UInt32, length: UInt32) -> UInt32 {
    var hash = initialHash
    let s = Int(start)
    for i in s..<s + Int(length) { hash = step(hash, bytes[i]) }
    return hash
  }

  static let initialHash: UInt32 = 2_166_136_261
  @inline(__always)
  static func step(_ hash: UInt32, _ byte: UInt8) -> UInt32 { (hash ^ UInt32(byte)) &* 16_777_619 }

  /// The ID of the identifier at `start ..< start + length` of `bytes`, whose `hash` is given.
  mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>, start: UInt32, length: UInt32, hash: UInt32) -> NameID {
    let found: Int? = slots.withUnsafeBufferPointer { slots in
      entries.withUnsafeBufferPointer { entries in
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while true {
          let entry = slots[slot]
          if entry == 0 { return -1 - slot }
          let k = Int(entry - 1)
          let e = entries[k]
          if e.hash == hash && e.length == length
            && NameInterner.equal(bytes, Int(e.start), Int(start), Int(length)) {
            return k
          }
          slot = (slot + 1) & mask
        }
      }
    }
    let k = found!
    if k >= 0 { return NameID(k) }
    let slot = -1 - k
    let id = names.count
    let s = Int(start)
    names.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[s..<s + Int(length)]), as: UTF8.self))
    entries.append(Entry(hash: hash, start: start, length: length))
    slots[slot] = UInt32(id + 1)
    if names.count * 2 > slots.count { grow() }
    return NameID(id)
  }

  /// A new name no identifier of the file can spell (e.g. `with.1`): for variables the parser
  /// makes; never found by `intern`.
  mutating func synthesize(_ text: String) -> NameID {
    names.append(text)
    entries.append(Entry(hash: 0, start: 0, length: UInt32.max))
    return NameID(names.count - 1)
  }

  private static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int, _ n: Int) -> Bool {
    if a == b { return true }
    for i in 0..<n where bytes[a + i] != bytes[b + i] { return false }
    return true
  }

  private mutating func grow() {
    slots = Array(repeating: 0, count: slots.count * 2)
    let mask = slots.count - 1
    for k in 0..<names.count {
      var slot = Int(entries[k].hash) & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = UInt32(k + 1)
    }
  }
}
