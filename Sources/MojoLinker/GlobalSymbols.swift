//! The table of global symbol definitions, keyed by the name bytes as they lie in the input
//! objects: no String is made for a name (making and hashing Strings was a third of the link).

/// Open-addressing hash table from a symbol name to its definition.
struct GlobalSymbols {
  /// One slot: the name's hash and where the name lies, plus the definition.
  private struct Slot {
    var hash: UInt64
    var object: Int32
    var nameStart: Int32
    var nameCount: Int32
    var definition: StaticLinker.Definition
  }

  private var slots: [Slot?]
  private var mask: Int

  /// A table for up to `capacity` names.
  init(capacity: Int) {
    var size = 16
    while size < capacity * 2 { size *= 2 }
    slots = [Slot?](repeating: nil, count: size)
    mask = size - 1
  }

  /// FNV-1a over the bytes.
  static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return h
  }

  /// The slot index holding `name` (from object `object`'s bytes), or the empty slot where it goes.
  private func find(_ name: UnsafeBufferPointer<UInt8>, hash: UInt64, objects: [RelocatableObject]) -> Int {
    var index = Int(truncatingIfNeeded: hash) & mask
    while let slot = slots[index] {
      if slot.hash == hash && Int(slot.nameCount) == name.count {
        let same = objects[Int(slot.object)].bytes.withUnsafeBufferPointer { other in
          name.count == 0 || memoryEqual(name.baseAddress!, other.baseAddress! + Int(slot.nameStart), name.count)
        }
        if same { return index }
      }
      index = (index + 1) & mask
    }
    return index
  }

  /// The definition of `name`, if any.
  func definition(of name: UnsafeBufferPointer<UInt8>, objects: [RelocatableObject]) -> StaticLinker.Definition? {
    slots[find(name, hash: GlobalSymbols.hash(name), objects: objects)]?.definition
  }

  /// The definition of `name`, if any.
  func definition(of name: String, objects: [RelocatableObject]) -> StaticLinker.Definition? {
    var name = name
    return name.withUTF8 { definition(of: $0, objects: objects) }
  }

  /// Records `definition` for the name at `range` of object `object` unless the name is there;
  /// returns the definition already recorded.
  mutating func insert(_ definition: StaticLinker.Definition, nameAt range: Range<Int>, object: Int,
                       objects: [RelocatableObject]) -> StaticLinker.Definition? {
    objects[object].bytes.withUnsafeBufferPointer { bytes in
      let name = UnsafeBufferPointer(rebasing: bytes[range])
      let hash = GlobalSymbols.hash(name)
      let index = find(name, hash: hash, objects: objects)
      if let existing = slots[index] { return existing.definition }
      slots[index] = Slot(hash: hash, object: Int32(object), nameStart: Int32(range.lowerBound),
                          nameCount: Int32(range.count), definition: definition)
      return nil
    }
  }

  /// Replaces the definition of a name already in the table.
  mutating func replace(nameAt range: Range<Int>, object: Int, with definition: StaticLinker.Definition,
                        objects: [RelocatableObject]) {
    objects[object].bytes.withUnsafeBufferPointer { bytes in
      let name = UnsafeBufferPointer(rebasing: bytes[range])
      let index = find(name, hash: GlobalSymbols.hash(name), objects: objects)
      slots[index]?.definition = definition
    }
  }
}

/// Whether `count` bytes at `a` and `b` are equal.
@inline(__always) func memoryEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
  for k in 0..<count where a[k] != b[k] { return false }
  return true
}
