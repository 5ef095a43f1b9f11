//! Builds one function body. Instructions are appended to the current block; blocks may be
//! filled in any order (a loop's exit block is created before its body), and `finish` lays them
//! out contiguously in block order.

/// Appends instructions to the blocks of one function under construction. Instructions go into
/// one list in emission order, each tagged with its block, and operands straight into the
/// operand pool (the fixed-arity `emit` and `op` forms build no array): no allocation per
/// instruction or per block. `finish` groups them by block, keeping emission order within a block.
///
/// The lists are raw growable buffers (`BuilderList`), not arrays: an `op` used to pay seven
/// array uniqueness checks and capacity checks; now it pays one check that the storage is not
/// shared with a copy of the builder (copy on write), and plain stores.
public struct FunctionBuilder {
  /// Owns the buffers (frees them when the last copy of the builder goes away).
  private var owner: BuilderStorage
  private var valueTypes: BuilderList<IRType>
  /// Every instruction emitted so far, in emission order.
  private var instructions: BuilderList<Instruction>
  /// Per instruction: the block it was emitted into.
  private var instructionBlocks: BuilderList<UInt32>
  /// Per block: its last instruction so far (an index into `instructions`), or -1, and how
  /// many instructions it has so far.
  private var blockFills: BuilderList<BlockFill>
  private var operands: BuilderList<Operand>
  /// The block that `emit` appends to.
  public private(set) var currentBlock: BlockID

  /// Starts a body for a function with the given parameter types; the entry block is current.
  public init(parameterTypes: [IRType]) {
    valueTypes = BuilderList(capacity: max(64, parameterTypes.count))
    instructions = BuilderList(capacity: 64)
    instructionBlocks = BuilderList(capacity: 64)
    blockFills = BuilderList(capacity: 16)
    operands = BuilderList(capacity: 128)
    owner = BuilderStorage()
    currentBlock = BlockID(0)
    for t in parameterTypes { valueTypes.append(t) }
    blockFills.append(BlockFill())
    registerBuffers()
  }

  /// Tells the owner where the buffers are now (after one grew or was copied).
  private mutating func registerBuffers() {
    owner.buffers = [UnsafeMutableRawPointer(valueTypes.base), UnsafeMutableRawPointer(instructions.base),
                     UnsafeMutableRawPointer(instructionBlocks.base), UnsafeMutableRawPointer(blockFills.base),
                     UnsafeMutableRawPointer(operands.base)]
  }

  /// Makes the buffers this builder's own before a change (a copy of the builder shares them).
  @inline(__always)
  private mutating func makeUnique() {
    if _slowPath(!isKnownUniquelyReferenced(&owner)) {
      owner = BuilderStorage()
      valueTypes = valueTypes.copy()
      instructions = instructions.copy()
      instructionBlocks = instructionBlocks.copy()
      blockFills = blockFills.copy()
      operands = operands.copy()
      registerBuffers()
    }
  }

  /// Makes room for `count` more elements in every list, so that appends need no growth check
  /// failure path (registers any buffer that moved).
  @inline(__always)
  private mutating func reserve(values: Int, instructions newInstructions: Int, operands newOperands: Int) {
    makeUnique()
    if _slowPath(valueTypes.count + values > valueTypes.capacity
      || instructions.count + newInstructions > instructions.capacity
      || instructionBlocks.count + newInstructions > instructionBlocks.capacity
      || operands.count + newOperands > operands.capacity) {
      valueTypes.reserve(values)
      instructions.reserve(newInstructions)
      instructionBlocks.reserve(newInstructions)
      operands.reserve(newOperands)
      registerBuffers()
    }
  }

  /// Starts over for another function with the given parameter types, keeping the storage
  /// (a module's functions are lowered one after another with one builder).
  public mutating func reset(parameterTypes: [IRType]) {
    makeUnique()
    valueTypes.count = 0
    instructions.count = 0
    instructionBlocks.count = 0
    blockFills.count = 0
    operands.count = 0
    valueTypes.reserve(parameterTypes.count)
    for t in parameterTypes { valueTypes.append(t) }
    blockFills.reserve(1)
    blockFills.append(BlockFill())
    registerBuffers()
    currentBlock = BlockID(0)
  }

  /// The value holding parameter `i`.
  public func parameter(_ i: Int) -> ValueID { ValueID(i) }

  /// Creates a new virtual register of `type`.
  public mutating func makeValue(_ type: IRType) -> ValueID {
    reserve(values: 1, instructions: 0, operands: 0)
    valueTypes.append(type)
    return ValueID(valueTypes.count - 1)
  }

  /// The type of a value created so far.
  public func type(of value: ValueID) -> IRType { valueTypes[Int(value.index)] }

  /// Creates an empty block; it is not current until `switchTo`.
  public mutating func makeBlock() -> BlockID {
    makeUnique()
    if _slowPath(blockFills.count == blockFills.capacity) {
      blockFills.reserve(1)
      registerBuffers()
    }
    blockFills.append(BlockFill())
    return BlockID(blockFills.count - 1)
  }

  /// Makes `block` the one that receives instructions.
  public mutating func switchTo(_ block: BlockID) { currentBlock = block }

  /// True when the current block already ends in a terminator.
  public var isTerminated: Bool {
    let last = blockFills[Int(currentBlock.index)].last
    return last >= 0 && instructions[Int(last)].opcode.isTerminator
  }

  /// Appends an instruction whose operands are the last `operandCount` of the pool (room for it
  /// is reserved by the caller).
  @inline(__always)
  private mutating func append(_ opcode: Opcode, _ type: IRType, _ result: ValueID, operandStart: Int,
                               aux0: UInt32, aux1: UInt32) {
    // Unchecked arithmetic: the counts are far below 2^31 (lists of this size could not be allocated).
    let block = Int(currentBlock.index)
    blockFills[block].last = Int32(truncatingIfNeeded: instructions.count)
    blockFills[block].count &+= 1
    instructions.append(
      Instruction(opcode: opcode, type: type, result: result, operandStart: UInt32(truncatingIfNeeded: operandStart),
                  operandCount: UInt32(truncatingIfNeeded: operands.count &- operandStart), aux0: aux0, aux1: aux1))
    instructionBlocks.append(currentBlock.index)
  }

  /// Appends an instruction to the current block.
  public mutating func emit(_ opcode: Opcode, type: IRType, result: ValueID = .none, _ args: [Operand] = [],
                            aux0: UInt32 = 0, aux1: UInt32 = 0) {
    reserve(values: 0, instructions: 1, operands: args.count)
    let start = operands.count
    for a in args { operands.append(a) }
    append(opcode, type, result, operandStart: start, aux0: aux0, aux1: aux1)
  }

  /// Appends an instruction with one operand to the current block.
  public mutating func emit(_ opcode: Opcode, type: IRType, result: ValueID = .none, _ a: Operand,
                            aux0: UInt32 = 0, aux1: UInt32 = 0) {
    reserve(values: 0, instructions: 1, operands: 1)
    let start = operands.count
    operands.append(a)
    append(opcode, type, result, operandStart: start, aux0: aux0, aux1: aux1)
  }

  /// Appends an instruction with two operands to the current block.
  public mutating func emit(_ opcode: Opcode, type: IRType, result: ValueID = .none, _ a: Operand, _ b: Operand,
                            aux0: UInt32 = 0, aux1: UInt32 = 0) {
    reserve(values: 0, instructions: 1, operands: 2)
    let start = operands.count
    operands.append(a)
    operands.append(b)
    append(opcode, type, result, operandStart: start, aux0: aux0, aux1: aux1)
  }

  // MARK: - Conveniences that create the result value

  /// The result type of an opcode with a fixed shape.
  private func resultType(_ opcode: Opcode) -> IRType {
    switch opcode.shape {
    case .binary(_, let r), .unary(_, let r): return r
    case .special: preconditionFailure("op(_:) is for opcodes with a fixed shape, not \(opcode.name)")
    }
  }

  /// Emits a unary operation and returns its result, typed from the opcode table.
  public mutating func op(_ opcode: Opcode, _ a: Operand) -> ValueID {
    let type = resultType(opcode)
    reserve(values: 1, instructions: 1, operands: 1)
    valueTypes.append(type)
    let result = ValueID(valueTypes.count - 1)
    let start = operands.count
    operands.append(a)
    append(opcode, type, result, operandStart: start, aux0: 0, aux1: 0)
    return result
  }

  /// Emits a binary operation and returns its result, typed from the opcode table.
  public mutating func op(_ opcode: Opcode, _ a: Operand, _ b: Operand) -> ValueID {
    let type = resultType(opcode)
    reserve(values: 1, instructions: 1, operands: 2)
    valueTypes.append(type)
    let result = ValueID(valueTypes.count - 1)
    let start = operands.count
    operands.append(a)
    operands.append(b)
    append(opcode, type, result, operandStart: start, aux0: 0, aux1: 0)
    return result
  }

  /// Emits `dst = copy src` into an existing value.
  public mutating func copy(_ src: Operand, to dst: ValueID) {
    emit(.copy, type: type(of: dst), result: dst, src)
  }

  /// Emits a call; returns the result value, or nil for a void callee.
  @discardableResult
  public mutating func call(_ callee: FunctionRef, returning type: IRType, _ args: [Operand]) -> ValueID? {
    let result = type == .void ? ValueID.none : makeValue(type)
    emit(.call, type: type, result: result, args, aux0: callee.index)
    return result.exists ? result : nil
  }

  /// Emits `load`.
  public mutating func load(_ type: IRType, from address: Operand, offset: Int64) -> ValueID {
    let result = makeValue(type)
    emit(.load, type: type, result: result, address, .int(offset))
    return result
  }

  /// Emits `store`.
  public mutating func store(_ type: IRType, _ value: Operand, to address: Operand, offset: Int64) {
    reserve(values: 0, instructions: 1, operands: 3)
    let start = operands.count
    operands.append(address)
    operands.append(.int(offset))
    operands.append(value)
    append(.store, type, .none, operandStart: start, aux0: 0, aux1: 0)
  }

  /// Emits `addr` of a data object.
  public mutating func address(of data: DataID) -> ValueID {
    let result = makeValue(.ptr)
    reserve(values: 0, instructions: 1, operands: 0)
    append(.addr, .ptr, result, operandStart: operands.count, aux0: data.index, aux1: 0)
    return result
  }

  /// Emits `br`.
  public mutating func branch(to block: BlockID) {
    reserve(values: 0, instructions: 1, operands: 0)
    append(.br, .void, .none, operandStart: operands.count, aux0: block.index, aux1: 0)
  }

  /// Emits `condbr`.
  public mutating func branch(if condition: Operand, then thenBlock: BlockID, else elseBlock: BlockID) {
    emit(.condbr, type: .void, condition, aux0: thenBlock.index, aux1: elseBlock.index)
  }

  /// Emits `ret` with an optional value.
  public mutating func ret(_ value: Operand?) {
    if let value { emit(.ret, type: .void, value) } else {
      reserve(values: 0, instructions: 1, operands: 0)
      append(.ret, .void, .none, operandStart: operands.count, aux0: 0, aux1: 0)
    }
  }

  /// Emits `unreachable`.
  public mutating func unreachable() {
    reserve(values: 0, instructions: 1, operands: 0)
    append(.unreachable, .void, .none, operandStart: operands.count, aux0: 0, aux1: 0)
  }

  // MARK: - Finishing

  /// Lays the blocks out in order and stores the body into `function`. Blocks that received no
  /// instruction (never branched to, or left after a return) are given `unreachable`, so every
  /// block ends in a terminator. The builder is then empty: `reset` it for the next function.
  /// Its storage is kept for that function, except lists larger than `keptCapacity`, which are
  /// freed as soon as they have been copied (so that a huge function's body is not held twice).
  public mutating func finish(into function: inout IRFunction) {
    makeUnique()
    // Copies, so that the builder keeps its storage for the next function.
    function.operands = operands.array()
    if operands.capacity > Self.keptCapacity { operands.replace(capacity: 128) }
    function.valueTypes = valueTypes.array()
    if valueTypes.capacity > Self.keptCapacity { valueTypes.replace(capacity: 64) }
    // Where each block starts in the laid-out array (a counting sort by block, stable).
    let blockCount = blockFills.count
    var next = [Int](repeating: 0, count: blockCount)
    var ranges: [Range<Int>] = []
    ranges.reserveCapacity(blockCount)
    var total = 0
    for b in 0..<blockCount {
      let last = blockFills[b].last
      let size = Int(blockFills[b].count) + (last >= 0 && instructions[Int(last)].opcode.isTerminator ? 0 : 1)
      next[b] = total
      ranges.append(total..<total + size)
      total += size
    }
    let unreachable = Instruction(opcode: .unreachable, type: .void, result: .none,
                                  operandStart: UInt32(function.operands.count), operandCount: 0)
    let laidOut = [Instruction](unsafeUninitializedCapacity: total) { buffer, initialized in
      buffer.initialize(repeating: unreachable)
      for i in 0..<instructions.count {
        let b = Int(instructionBlocks[i])
        buffer[next[b]] = instructions[i]
        next[b] += 1
      }
      initialized = total
    }
    if instructions.capacity > Self.keptCapacity {
      instructions.replace(capacity: 64)
      instructionBlocks.replace(capacity: 64)
    }
    if blockFills.capacity > Self.keptCapacity { blockFills.replace(capacity: 16) }
    function.instructions = laidOut
    function.blocks = ranges
    valueTypes.count = 0
    instructions.count = 0
    instructionBlocks.count = 0
    blockFills.count = 0
    operands.count = 0
    blockFills.append(BlockFill())
    currentBlock = BlockID(0)
    registerBuffers()
  }

  /// Lists of up to this many elements keep their storage after `finish`.
  public static let keptCapacity = 1 << 16

  /// How many instructions the body has so far.
  public var instructionCount: Int { instructions.count }
}

extension IRFunction {
  /// Makes a function definition with an empty body; fill it with a `FunctionBuilder`.
  public init(defining symbol: String, parameterTypes: [IRType], returnType: IRType, linkage: Linkage) {
    self.init(declaring: symbol, parameterTypes: parameterTypes, returnType: returnType)
    self.linkage = linkage
  }
}

/// Per block under construction: its last instruction so far (or -1) and its instruction count.
struct BlockFill {
  var last: Int32 = -1
  var count: UInt32 = 0
}

/// A growable buffer of trivial elements, freed by the `BuilderStorage` that registered it: no
/// reference count and no uniqueness check of its own (the builder checks its owner once).
struct BuilderList<Element> {
  private(set) var base: UnsafeMutablePointer<Element>
  var count = 0
  private(set) var capacity: Int

  init(capacity: Int) {
    base = .allocate(capacity: capacity)
    self.capacity = capacity
  }

  /// Appends within the capacity (reserved before).
  @inline(__always)
  mutating func append(_ element: Element) {
    (base + count).initialize(to: element)
    count &+= 1
  }

  subscript(i: Int) -> Element {
    @inline(__always) get { base[i] }
    @inline(__always) nonmutating set { base[i] = newValue }
  }

  /// Makes room for `extra` more elements (doubling); the old buffer is freed.
  mutating func reserve(_ extra: Int) {
    guard count + extra > capacity else { return }
    var newCapacity = capacity * 2
    while newCapacity < count + extra { newCapacity *= 2 }
    let grown = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
    grown.moveInitialize(from: base, count: count)
    base.deallocate()
    base = grown
    capacity = newCapacity
  }

  /// Frees the buffer and starts over empty with a new one of `capacity` elements (the
  /// builder registers the new buffer with its owner).
  mutating func replace(capacity newCapacity: Int) {
    base.deallocate()
    base = .allocate(capacity: newCapacity)
    capacity = newCapacity
    count = 0
  }

  /// A list with the same elements in a buffer of its own.
  func copy() -> BuilderList {
    var list = BuilderList(capacity: capacity)
    list.base.initialize(from: base, count: count)
    list.count = count
    return list
  }

  /// The elements as an array.
  func array() -> [Element] { Array(UnsafeBufferPointer(start: base, count: count)) }
}

/// Owns a builder's buffers: frees them when the last builder sharing them goes away.
final class BuilderStorage {
  var buffers: [UnsafeMutableRawPointer] = []
  deinit { for b in buffers { b.deallocate() } }
}
