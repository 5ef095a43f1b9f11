//! Interns identifiers straight from the file's bytes: an open-addressing table keyed by a hash
//! of the token's bytes, compared against the first occurrence's bytes. A `String` is made
//! once per distinct name, never per occurrence.

/// Maps identifier byte sequences of one file to dense `NameID`s.
struct NameInterner {
  /// Slot -> name index + 1 (0 = empty); the count is a power of two.
  private var slots: [UInt32] = Array(repeating: 0, count: 256)
  private var hashes: [UInt32] = []
  /// Where each name first occurs in the file (its bytes are compared on a hash match).
  private var starts: [UInt32] = []
  private var lengths: [UInt32] = []
  /// The names, indexed by `NameID`.
  private(set) var names: [String] = []

  /// The ID of the identifier at `start ..< start + length` of `bytes`.
  mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>, start: UInt32, length: UInt32) -> NameID {
    // FNV-1a over the bytes: identifiers are short.
    var hash: UInt32 = 2_166_136_261
    let s = Int(start)
    for i in s..<s + Int(length) { hash = (hash ^ UInt32(bytes[i])) &* 16_777_619 }
    let mask = slots.count - 1
    var slot = Int(hash) & mask
    while true {
      let entry = slots[slot]
      if entry == 0 { break }
      let k = Int(entry - 1)
      if hashes[k] == hash && lengths[k] == length && equal(bytes, Int(starts[k]), s, Int(length)) {
        return NameID(k)
      }
      slot = (slot + 1) & mask
    }
    let id = names.count
    names.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[s..<s + Int(length)]), as: UTF8.self))
    hashes.append(hash)
    starts.append(start)
    lengths.append(length)
    slots[slot] = UInt32(id + 1)
    if names.count * 2 > slots.count { grow() }
    return NameID(id)
  }

  private func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ a: Int, _ b: Int, _ n: Int) -> Bool {
    if a == b { return true }
    for i in 0..<n where bytes[a + i] != bytes[b + i] { return false }
    return true
  }

  private mutating func grow() {
    slots = Array(repeating: 0, count: slots.count * 2)
    let mask = slots.count - 1
    for k in 0..<names.count {
      var slot = Int(hashes[k]) & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = UInt32(k + 1)
    }
  }
}
