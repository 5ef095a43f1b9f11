//! Builds one function body. Instructions are appended to the current block; blocks may be
//! filled in any order (a loop's exit block is created before its body), and `finish` lays them
//! out contiguously in block order.

/// Appends instructions to the blocks of one function under construction. Instructions go into
/// one array in emission order, each tagged with its block, and operands straight into the
/// operand pool (the fixed-arity `emit` and `op` forms build no array): no allocation per
/// instruction or per block. `finish` groups them by block, keeping emission order within a block.
public struct FunctionBuilder {
  private var valueTypes: [IRType]
  /// Every instruction emitted so far, in emission order.
  private var instructions: [Instruction] = []
  /// Per instruction: the block it was emitted into.
  private var instructionBlocks: [UInt32] = []
  /// Per block: its last instruction so far (an index into `instructions`), or -1.
  private var blockLast: [Int32] = []
  /// Per block: how many instructions it has so far.
  private var blockCounts: [UInt32] = []
  private var operands: [Operand] = []
  /// The block that `emit` appends to.
  public private(set) var currentBlock: BlockID

  /// Starts a body for a function with the given parameter types; the entry block is current.
  public init(parameterTypes: [IRType]) {
    valueTypes = parameterTypes
    blockLast = [-1]
    blockCounts = [0]
    currentBlock = BlockID(0)
  }

  /// Starts over for another function with the given parameter types, keeping the storage
  /// (a module's functions are lowered one after another with one builder).
  public mutating func reset(parameterTypes: [IRType]) {
    valueTypes.removeAll(keepingCapacity: true)
    valueTypes.append(contentsOf: parameterTypes)
    instructions.removeAll(keepingCapacity: true)
    instructionBlocks.removeAll(keepingCapacity: true)
    blockLast.removeAll(keepingCapacity: true)
    blockLast.append(-1)
    blockCounts.removeAll(keepingCapacity: true)
    blockCounts.append(0)
    operands.removeAll(keepingCapacity: true)
    currentBlock = BlockID(0)
  }

  /// The value holding parameter `i`.
  public func parameter(_ i: Int) -> ValueID { ValueID(i) }

  /// Creates a new virtual register of `type`.
  public mutating func makeValue(_ type: IRType) -> ValueID {
    valueTypes.append(type)
    return ValueID(valueTypes.count - 1)
  }

  /// The type of a value created so far.
  public func type(of value: ValueID) -> IRType { valueTypes[Int(value.index)] }

  /// Creates an empty block; it is not current until `switchTo`.
  public mutating func makeBlock() -> BlockID {
    blockLast.append(-1)
    blockCounts.append(0)
    return BlockID(blockLast.count - 1)
  }

  /// Makes `block` the one that receives instructions.
  public mutating func switchTo(_ block: BlockID) { currentBlock = block }

  /// True when the current block already ends in a terminator.
  public var isTerminated: Bool {
    let last = blockLast[Int(currentBlock.index)]
    return last >= 0 && instructions[Int(last)].opcode.isTerminator
  }

  /// Appends an instruction whose operands are the last `operandCount` of the pool.
  @inline(__always)
  private mutating func append(_ opcode: Opcode, _ type: IRType, _ result: ValueID, operandStart: Int,
                               aux0: UInt32, aux1: UInt32) {
    let block = Int(currentBlock.index)
    blockLast[block] = Int32(instructions.count)
    blockCounts[block] += 1
    instructions.append(
      Instruction(opcode: opcode, type: type, result: result, operandStart: UInt32(operandStart),
                  operandCount: UInt32(operands.count - operandStart), aux0: aux0, aux1: aux1))
    instructionBlocks.append(currentBlock.index)
  }

  /// Appends an instruction to the current block.
  public mutating func emit(_ opcode: Opcode, type: IRType, result: ValueID = .none, _ args: [Operand] = [],
                            aux0: UInt32 = 0, aux1: UInt32 = 0) {
    let start = operands.count
    operands.append(contentsOf: args)
    append(opcode, type, result, operandStart: start, aux0: aux0, aux1: aux1)
  }

  /// Appends an instruction with one operand to the current block.
  public mutating func emit(_ opcode: Opcode, type: IRType, result: ValueID = .none, _ a: Operand,
                            aux0: UInt32 = 0, aux1: UInt32 = 0) {
    let start = operands.count
    operands.append(a)
    append(opcode, type, result, operandStart: start, aux0: aux0, aux1: aux1)
  }

  /// Appends an instruction with two operands to the current block.
  public mutating func emit(_ opcode: Opcode, type: IRType, result: ValueID = .none, _ a: Operand, _ b: Operand,
                            aux0: UInt32 = 0, aux1: UInt32 = 0) {
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
    let result = makeValue(type)
    emit(opcode, type: type, result: result, a)
    return result
  }

  /// Emits a binary operation and returns its result, typed from the opcode table.
  public mutating func op(_ opcode: Opcode, _ a: Operand, _ b: Operand) -> ValueID {
    let type = resultType(opcode)
    let result = makeValue(type)
    emit(opcode, type: type, result: result, a, b)
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
    let start = operands.count
    operands.append(address)
    operands.append(.int(offset))
    operands.append(value)
    append(.store, type, .none, operandStart: start, aux0: 0, aux1: 0)
  }

  /// Emits `addr` of a data object.
  public mutating func address(of data: DataID) -> ValueID {
    let result = makeValue(.ptr)
    append(.addr, .ptr, result, operandStart: operands.count, aux0: data.index, aux1: 0)
    return result
  }

  /// Emits `br`.
  public mutating func branch(to block: BlockID) {
    append(.br, .void, .none, operandStart: operands.count, aux0: block.index, aux1: 0)
  }

  /// Emits `condbr`.
  public mutating func branch(if condition: Operand, then thenBlock: BlockID, else elseBlock: BlockID) {
    emit(.condbr, type: .void, condition, aux0: thenBlock.index, aux1: elseBlock.index)
  }

  /// Emits `ret` with an optional value.
  public mutating func ret(_ value: Operand?) {
    if let value { emit(.ret, type: .void, value) } else { append(.ret, .void, .none, operandStart: operands.count, aux0: 0, aux1: 0) }
  }

  /// Emits `unreachable`.
  public mutating func unreachable() { append(.unreachable, .void, .none, operandStart: operands.count, aux0: 0, aux1: 0) }

  // MARK: - Finishing

  /// Lays the blocks out in order and stores the body into `function`. Blocks that received no
  /// instruction (never branched to, or left after a return) are given `unreachable`, so every
  /// block ends in a terminator.
  public func finish(into function: inout IRFunction) {
    // Where each block starts in the laid-out array (a counting sort by block, stable).
    let blockCount = blockLast.count
    var next = [Int](repeating: 0, count: blockCount)
    var ranges: [Range<Int>] = []
    ranges.reserveCapacity(blockCount)
    var total = 0
    for b in 0..<blockCount {
      let last = blockLast[b]
      let size = Int(blockCounts[b]) + (last >= 0 && instructions[Int(last)].opcode.isTerminator ? 0 : 1)
      next[b] = total
      ranges.append(total..<total + size)
      total += size
    }
    let unreachable = Instruction(opcode: .unreachable, type: .void, result: .none,
                                  operandStart: UInt32(operands.count), operandCount: 0)
    var laidOut = [Instruction](repeating: unreachable, count: total)
    for i in instructions.indices {
      let b = Int(instructionBlocks[i])
      laidOut[next[b]] = instructions[i]
      next[b] += 1
    }
    // Copies, so that the builder keeps its storage for the next function.
    function.valueTypes = valueTypes.withUnsafeBufferPointer { Array($0) }
    function.instructions = laidOut
    function.operands = operands.withUnsafeBufferPointer { Array($0) }
    function.blocks = ranges
  }
}

extension IRFunction {
  /// Makes a function definition with an empty body; fill it with a `FunctionBuilder`.
  public init(defining symbol: String, parameterTypes: [IRType], returnType: IRType, linkage: Linkage) {
    self.init(declaring: symbol, parameterTypes: parameterTypes, returnType: returnType)
    self.linkage = linkage
  }
}
