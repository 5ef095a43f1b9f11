//! Frame slots of one function's values, shared where live ranges cannot overlap, in O(n):
//! parameters and values that appear in more than one block (or are read in their block before
//! being written there) get a slot each; every other value is local to one block, where it lives
//! from its first definition to its last occurrence, and takes a slot from a free list that a
//! linear scan over the block refills at last occurrences. A slot freed at an instruction is
//! reused only from the next instruction on, so a stencil that writes its result after reading
//! its operands never needs more care (copy-and-patch stencils all do).
//! The first pass over the operands counts the reads of every value (for the selector) and finds
//! each value's block and last occurrence; the linear scan then reads only the instructions'
//! results and, per instruction, the list of local values whose last occurrence it is (built
//! from the first pass, so the operands are read once).
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
  /// Per value: index of the last instruction that reads or writes it; after the first pass,
  /// for a local value, the next value of its instruction's list in `dying` (or -1).
  private var last: [Int32] = []
  private var free: [Int32] = []
  /// Per instruction: the first local value whose last occurrence it is, or -1.
  private var dying: [Int32] = []

  private static let unseen: Int32 = -1, shared: Int32 = -2, assigned: Int32 = -3

  /// Assigns the slots of `f`. Works on local arrays (taken from and given back to the stored
  /// buffers) through unsafe buffer pointers: element writes through `self`, or through a local
  /// array, cost a uniqueness check each (a million of them on a 170k-instruction project). The
  /// buffers only grow (their first `n` elements are the function's), and only `home`, `uses`
  /// and `dying` are cleared, with one `memset` each: refilling them through
  /// `append(contentsOf:)` cost about 5 instructions per element.
  mutating func assign(_ f: IRFunction) {
    let n = f.valueTypes.count, m = f.instructions.count
    var home = self.home, uses = self.uses, last = self.last, offsets = self.offsets, free = self.free
    var dying = self.dying
    (self.home, self.uses, self.last, self.offsets, self.free, self.dying) = ([], [], [], [], [], [])
    if home.count < n {
      let grown = max(n, 2 * home.count)
      (home, uses, last, offsets, free) = (Self.zeros(grown), Self.zeros(grown), Self.zeros(grown), Self.zeros(grown),
                                           Self.zeros(grown))
    }
    if dying.count < m { dying = Self.zeros(max(m, 2 * dying.count)) }
    defer {
      (self.home, self.uses, self.last, self.offsets, self.free, self.dying) = (home, uses, last, offsets, free, dying)
    }
    (count, maxCallArguments) = home.withUnsafeMutableBufferPointer { home in
      last.withUnsafeMutableBufferPointer { last in
        offsets.withUnsafeMutableBufferPointer { offsets in
          uses.withUnsafeMutableBufferPointer { uses in
            free.withUnsafeMutableBufferPointer { free in
              dying.withUnsafeMutableBufferPointer { dying in
                f.instructions.withUnsafeBufferPointer { instructions in
                  f.operands.withUnsafeBufferPointer { operands in
                    // `last` and `offsets` are written before they are read (for every value that
                    // occurs, the only ones read): they keep what the previous function left.
                    let home = UnsafeMutableBufferPointer(rebasing: home[0..<n])
                    let uses = UnsafeMutableBufferPointer(rebasing: uses[0..<n])
                    let dying = UnsafeMutableBufferPointer(rebasing: dying[0..<m])
                    home.update(repeating: Self.unseen)
                    uses.update(repeating: 0)
                    dying.update(repeating: -1)
                    return Self.scan(f, instructions, operands, home: home, last: last, offsets: offsets, uses: uses,
                                     free: free, dying: dying)
                  }
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

  /// The passes of `assign` over buffers of one element per value (`dying`: per instruction);
  /// returns the slot count and the most operands of a call.
  private static func scan(_ f: IRFunction, _ instructions: UnsafeBufferPointer<Instruction>,
                           _ operands: UnsafeBufferPointer<Operand>, home: UnsafeMutableBufferPointer<Int32>,
                           last: UnsafeMutableBufferPointer<Int32>, offsets: UnsafeMutableBufferPointer<Int32>,
                           uses: UnsafeMutableBufferPointer<Int32>, free: UnsafeMutableBufferPointer<Int32>,
                           dying: UnsafeMutableBufferPointer<Int32>) -> (Int, Int) {
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
    // Shared values get their slots first; every local value joins the list of the instruction
    // of its last occurrence (in decreasing value order, so each list runs in increasing order).
    for x in 0..<n where home[x] == Self.shared {
      offsets[x] = next &* 8
      next &+= 1
    }
    var x = n - 1
    while x >= 0 {
      if home[x] >= 0 {
        let at = Int(last[x])
        last[x] = dying[at]
        dying[at] = Int32(truncatingIfNeeded: x)
      }
      x -= 1
    }
    // Local values: a linear scan per block. Every local value of a block has had its last
    // occurrence at the block's end, so the free list carries over to the next block.
    var freeCount = 0
    for range in f.blocks {
      var i = range.lowerBound
      while i < range.upperBound {
        let r = instructions[i].result
        if r.exists, home[Int(r.index)] >= 0 {  // the first definition of a local value
          let rx = Int(r.index)
          if freeCount > 0 { freeCount -= 1; offsets[rx] = free[freeCount] } else { offsets[rx] = next &* 8; next &+= 1 }
          home[rx] = Self.assigned
        }
        var d = dying[i]
        while d >= 0 {
          free[freeCount] = offsets[Int(d)]
          freeCount += 1
          d = last[Int(d)]
        }
        i += 1
      }
    }
    return (Int(next), maxCallArguments)
  }
}
