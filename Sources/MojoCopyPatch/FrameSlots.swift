//! Frame slots of one function's values, shared where live ranges cannot overlap, in O(n):
//! parameters and values that appear in more than one block (or are read in their block before
//! being written there) get a slot each; every other value is local to one block, where it lives
//! from its first definition to its last occurrence, and takes a slot from a free list that a
//! linear scan over the block refills at last occurrences. A slot freed by an instruction's
//! operands is reused only from the next instruction on, so a stencil that writes its result
//! after reading its operands never needs more care (copy-and-patch stencils all do).
//! The same pass counts the reads of every value, for the selector.
import MojoIR

/// Slot assignment of one function; the buffers are reused from function to function.
struct FrameSlots {
  /// Byte offset of every value's slot (0 for a value that never occurs).
  private(set) var offsets: [Int32] = []
  /// Number of reads of every value.
  private(set) var uses: [Int32] = []
  /// Number of slots.
  private(set) var count = 0
  /// Per value: its block, `shared` for a value with a slot of its own, `unseen`, or (during the
  /// scan) `assigned` for a local value holding a slot.
  private var home: [Int32] = []
  /// Per value: index of the last instruction that reads or writes it.
  private var last: [Int32] = []
  private var free: [Int32] = []

  private static let unseen: Int32 = -1, shared: Int32 = -2, assigned: Int32 = -3

  /// Assigns the slots of `f`. Works on local arrays (taken from and given back to the stored
  /// buffers): element writes through `self` cost a uniqueness check each.
  mutating func assign(_ f: IRFunction) {
    let n = f.valueTypes.count
    var home = Self.reset(&self.home, n, Self.unseen)
    var last = Self.reset(&self.last, n, -1)
    var offsets = Self.reset(&self.offsets, n, 0)
    var uses = Self.reset(&self.uses, n, 0)
    var free = self.free
    self.free = []
    free.removeAll(keepingCapacity: true)
    defer {
      self.home = home
      self.last = last
      self.offsets = offsets
      self.uses = uses
      self.free = free
    }
    for p in 0..<min(f.parameterTypes.count, n) { home[p] = Self.shared }
    var next: Int32 = 0
    f.instructions.withUnsafeBufferPointer { instructions in
      f.operands.withUnsafeBufferPointer { operands in
        for (b, range) in f.blocks.enumerated() {
          let block = Int32(b)
          for i in range {
            let inst = instructions[i]
            for k in inst.operandRange {
              guard case .value(let v) = operands[k] else { continue }
              let x = Int(v.index)
              uses[x] &+= 1
              // Read before any write in program order, or in another block: not local.
              if home[x] != block { home[x] = Self.shared }
              last[x] = Int32(i)
            }
            if inst.result.exists {
              let x = Int(inst.result.index)
              if home[x] == Self.unseen { home[x] = block } else if home[x] != block { home[x] = Self.shared }
              last[x] = Int32(i)
            }
          }
        }
        for x in 0..<n where home[x] == Self.shared {
          offsets[x] = next * 8
          next += 1
        }
        // Local values: a linear scan per block; `last` becomes -1 once a value's slot is freed.
        // Every local value of a block has had its last occurrence at the block's end, so the
        // free list carries over to the next block.
        for range in f.blocks {
          for i in range {
            let inst = instructions[i]
            let r = inst.result
            if r.exists, home[Int(r.index)] >= 0 {  // the first definition of a local value
              let x = Int(r.index)
              if let slot = free.popLast() { offsets[x] = slot } else { offsets[x] = next * 8; next += 1 }
              home[x] = Self.assigned
            }
            for k in inst.operandRange {
              guard case .value(let v) = operands[k] else { continue }
              let x = Int(v.index)
              if home[x] == Self.assigned && last[x] == Int32(i) {
                free.append(offsets[x])
                last[x] = -1
              }
            }
            if r.exists, home[Int(r.index)] == Self.assigned, last[Int(r.index)] == Int32(i) {
              free.append(offsets[Int(r.index)])  // a definition that is never read
              last[Int(r.index)] = -1
            }
          }
        }
      }
    }
    count = Int(next)
  }

  /// Takes `buffer` (keeping its capacity) and returns it holding `count` copies of `value`.
  private static func reset(_ buffer: inout [Int32], _ count: Int, _ value: Int32) -> [Int32] {
    var taken = buffer
    buffer = []
    taken.removeAll(keepingCapacity: true)
    taken.append(contentsOf: repeatElement(value, count: count))
    return taken
  }
}
