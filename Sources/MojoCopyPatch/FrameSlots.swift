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
  /// Byte offset of every value's slot (unspecified for a value that never occurs). This and
  /// `uses` may be longer than the function's value count (the buffers only grow).
  private(set) var offsets: [Int32] = []
  /// Number of reads of every value.
  private(set) var uses: [Int32] = []
  /// Number of slots.
  private(set) var count = 0
  /// The most operands of a call in the function.
  private(set) var maxCallArguments = 0
  /// Per value: its block, `shared` for a value with a slot of its own, `unseen`, or (during the
  /// scan) `assigned` for a local value holding a slot.
  private var home: [Int32] = []
  /// Per value: index of the last instruction that reads or writes it.
  private var last: [Int32] = []
  private var free: [Int32] = []

  private static let unseen: Int32 = -1, shared: Int32 = -2, assigned: Int32 = -3

  /// Assigns the slots of `f`. Works on local arrays (taken from and given back to the stored
  /// buffers) through unsafe buffer pointers: element writes through `self`, or through a local
  /// array, cost a uniqueness check each (a million of them on a 170k-instruction project). The
  /// buffers only grow (their first `n` elements are the function's), and only `home` and `uses`
  /// are cleared, with one `memset` each: refilling them through `append(contentsOf:)` cost
  /// about 5 instructions per element.
  mutating func assign(_ f: IRFunction) {
    let n = f.valueTypes.count
    var home = self.home, uses = self.uses, last = self.last, offsets = self.offsets, free = self.free
    (self.home, self.uses, self.last, self.offsets, self.free) = ([], [], [], [], [])
    if home.count < n {
      let grown = max(n, 2 * home.count)
      (home, uses, last, offsets, free) = (Self.zeros(grown), Self.zeros(grown), Self.zeros(grown), Self.zeros(grown),
                                           Self.zeros(grown))
    }
    defer { (self.home, self.uses, self.last, self.offsets, self.free) = (home, uses, last, offsets, free) }
    (count, maxCallArguments) = home.withUnsafeMutableBufferPointer { home in
      last.withUnsafeMutableBufferPointer { last in
        offsets.withUnsafeMutableBufferPointer { offsets in
          uses.withUnsafeMutableBufferPointer { uses in
            free.withUnsafeMutableBufferPointer { free in
              f.instructions.withUnsafeBufferPointer { instructions in
                f.operands.withUnsafeBufferPointer { operands in
                  // `last` and `offsets` are written before they are read (for every value that
                  // occurs, the only ones read): they keep what the previous function left.
                  let home = UnsafeMutableBufferPointer(rebasing: home[0..<n])
                  let uses = UnsafeMutableBufferPointer(rebasing: uses[0..<n])
                  home.update(repeating: Self.unseen)
                  uses.update(repeating: 0)
                  return Self.scan(f, instructions, operands, home: home, last: last, offsets: offsets, uses: uses,
                                   free: free)
                }
              }
            }
          }
        }
      }
    }
  }

  /// A buffer of `count` zeros.
  private static func zeros(_ count: Int) -> [Int32] { [Int32](repeating: 0, count: count) }

  /// The two passes of `assign` over buffers of one element per value; returns the slot count
  /// and the most operands of a call.
  private static func scan(_ f: IRFunction, _ instructions: UnsafeBufferPointer<Instruction>,
                           _ operands: UnsafeBufferPointer<Operand>, home: UnsafeMutableBufferPointer<Int32>,
                           last: UnsafeMutableBufferPointer<Int32>, offsets: UnsafeMutableBufferPointer<Int32>,
                           uses: UnsafeMutableBufferPointer<Int32>, free: UnsafeMutableBufferPointer<Int32>) -> (Int, Int) {
    let n = home.count
    var next: Int32 = 0, maxCallArguments = 0
    for p in 0..<min(f.parameterTypes.count, n) { home[p] = Self.shared }
    var b: Int32 = 0
    for range in f.blocks {
      var i = range.lowerBound
      while i < range.upperBound {
        let inst = instructions[i]
        if inst.opcode == .call { maxCallArguments = max(maxCallArguments, Int(inst.operandCount)) }
        var k = Int(inst.operandStart)
        let end = k + Int(inst.operandCount)
        while k < end {
          if case .value(let v) = operands[k] {
            let x = Int(v.index)
            uses[x] &+= 1
            // Read before any write in program order, or in another block: not local.
            if home[x] != b { home[x] = Self.shared }
            last[x] = Int32(truncatingIfNeeded: i)
          }
          k += 1
        }
        if inst.result.exists {
          let x = Int(inst.result.index)
          if home[x] == Self.unseen { home[x] = b } else if home[x] != b { home[x] = Self.shared }
          last[x] = Int32(truncatingIfNeeded: i)
        }
        i += 1
      }
      b += 1
    }
    for x in 0..<n where home[x] == Self.shared {
      offsets[x] = next &* 8
      next &+= 1
    }
    // Local values: a linear scan per block; `last` becomes -1 once a value's slot is freed.
    // Every local value of a block has had its last occurrence at the block's end, so the
    // free list carries over to the next block.
    var freeCount = 0
    for range in f.blocks {
      var i = range.lowerBound
      while i < range.upperBound {
        let inst = instructions[i]
        let here = Int32(truncatingIfNeeded: i)
        let r = inst.result
        let rx = Int(r.index)
        if r.exists, home[rx] >= 0 {  // the first definition of a local value
          if freeCount > 0 { freeCount -= 1; offsets[rx] = free[freeCount] } else { offsets[rx] = next &* 8; next &+= 1 }
          home[rx] = Self.assigned
        }
        var k = Int(inst.operandStart)
        let end = k + Int(inst.operandCount)
        while k < end {
          if case .value(let v) = operands[k] {
            let x = Int(v.index)
            if home[x] == Self.assigned && last[x] == here {
              free[freeCount] = offsets[x]
              freeCount += 1
              last[x] = -1
            }
          }
          k += 1
        }
        if r.exists, home[rx] == Self.assigned, last[rx] == here {
          free[freeCount] = offsets[rx]  // a definition that is never read
          freeCount += 1
          last[rx] = -1
        }
        i += 1
      }
    }
    return (Int(next), maxCallArguments)
  }
}
