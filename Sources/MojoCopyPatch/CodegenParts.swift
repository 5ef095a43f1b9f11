//! How one module's code generation is split into parts that run concurrently. A part is a run
//! of whole functions of about `instructionsPerPart` instructions, or a piece of one function
//! that is larger than that. The split depends only on the IR (never on the worker count), and
//! every part's code lands at the offset it would have in a one-part build, so the object is
//! byte-identical whatever runs in parallel. A function is cut only where selection carries no
//! state across: at a block start, or right after a call without result (no value is left in a
//! register there and nothing fuses with the next instruction).
import MojoIR

/// The parts of one module's code generation.
struct CodegenParts: Sendable {
  /// One part: whole functions, or a piece of one function.
  struct Part: Sendable {
    /// Positions in `defined` that the part covers (one position for a piece).
    var functions: Range<Int>
    /// For a piece of one function: its instruction range; nil for whole functions.
    var instructions: Range<Int>?

    /// True when the part begins at a function start (its code starts 16-byte aligned).
    var startsFunction: Bool { (instructions?.lowerBound ?? 0) == 0 }
  }

  /// About this many instructions per part: a module below it is one part (no overhead).
  static let instructionsPerPart = 1 << 15

  /// Indices (into the module's functions) of the defined functions, in order.
  let defined: [Int]
  let parts: [Part]
  /// Positions in `defined` of the functions split into several pieces.
  let splitFunctions: [Int]
  /// For every defined function: the module-wide index of its first block.
  let functionBlockBase: [Int]
  /// Number of blocks of all defined functions.
  let blockCount: Int

  init(module: IRModule, instructionsPerPart: Int = Self.instructionsPerPart) {
    self.init(functionsOf: module, instructionsPerPart: instructionsPerPart)
  }

  /// Plans the parts of `module` (borrowed: a backend may consume the module afterwards).
  init(functionsOf module: borrowing IRModule, instructionsPerPart: Int = Self.instructionsPerPart) {
    var defined: [Int] = []
    var blockBase: [Int] = []
    var blocks = 0
    // Fields read through a buffer pointer: a `for f in module.functions` copied every function.
    module.functions.withUnsafeBufferPointer { functions in
      for k in functions.indices where functions[k].isDefined {
        defined.append(k)
        blockBase.append(blocks)
        blocks += functions[k].blocks.count
      }
    }
    var parts: [Part] = []
    var split: [Int] = []
    var groupStart = 0, groupSize = 0
    for (n, k) in defined.enumerated() {
      let count = module.functions[k].instructions.count
      if count > instructionsPerPart {
        if n > groupStart { parts.append(Part(functions: groupStart..<n)) }
        let pieces = Self.pieces(of: module.functions[k], size: instructionsPerPart)
        if pieces.count > 1 { split.append(n) }
        for piece in pieces { parts.append(Part(functions: n..<n + 1, instructions: pieces.count > 1 ? piece : nil)) }
        groupStart = n + 1
        groupSize = 0
        continue
      }
      if groupSize + count > instructionsPerPart && n > groupStart {
        parts.append(Part(functions: groupStart..<n))
        groupStart = n
        groupSize = 0
      }
      groupSize += count
    }
    if defined.count > groupStart { parts.append(Part(functions: groupStart..<defined.count)) }
    self.defined = defined
    self.parts = parts
    self.splitFunctions = split
    self.functionBlockBase = blockBase
    self.blockCount = blocks
  }

  /// Cuts `f` into instruction ranges of about `size` at split points.
  static func pieces(of f: IRFunction, size: Int) -> [Range<Int>] {
    let count = f.instructions.count
    var pieces: [Range<Int>] = []
    var low = 0
    while low < count {
      var high = low + size
      while high < count && !isSplitPoint(f, high) { high += 1 }
      high = min(high, count)
      pieces.append(low..<high)
      low = high
    }
    return pieces
  }

  /// True when selection may start a piece at instruction `i` of `f`: after a terminator (a
  /// block start) or after a call without result.
  static func isSplitPoint(_ f: IRFunction, _ i: Int) -> Bool {
    let previous = f.instructions[i - 1]
    return previous.opcode.isTerminator || (previous.opcode == .call && !previous.result.exists)
  }
}

/// A fixed-size buffer that parallel parts write at disjoint indices and read after a barrier.
final class SharedBuffer<T>: @unchecked Sendable {
  let pointer: UnsafeMutableBufferPointer<T>
  init(repeating value: T, count: Int) {
    pointer = .allocate(capacity: count)
    pointer.initialize(repeating: value)
  }
  deinit {
    pointer.deinitialize()
    pointer.deallocate()
  }
  subscript(i: Int) -> T {
    get { pointer[i] }
    set { pointer[i] = newValue }
  }
}

/// One result per part, written by that part's job only.
final class PartResults<T>: @unchecked Sendable {
  private let slots: SharedBuffer<T?>
  init(count: Int) { slots = SharedBuffer(repeating: nil, count: count) }
  func store(_ value: T, at i: Int) { slots[i] = value }
  /// Result `i`, left in place.
  subscript(i: Int) -> T { slots[i]! }
  /// Moves result `i` out (each part takes its own input this way, so it is freed when the
  /// part is done with it).
  func take(at i: Int) -> T {
    let value = slots[i]!
    slots[i] = nil
    return value
  }
  /// Moves every result out, in part order.
  func take() -> [T] {
    (0..<slots.pointer.count).map { i in
      let value = slots[i]!
      slots[i] = nil
      return value
    }
  }
}
