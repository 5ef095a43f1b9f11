//! Builds one function body. Instructions are appended to the current block; blocks may be
//! filled in any order (a loop's exit block is created before its body), and `finish` lays them
//! out contiguously in block order.

/// Appends instructions to the blocks of one function under construction.
public struct FunctionBuilder {
  private var valueTypes: [IRType]
  private var blockInstructions: [[Instruction]] = []
  private var operands: [Operand] = []
  /// The block that `emit` appends to.
  public private(set) var currentBlock: BlockID

  /// Starts a body for a function with the given parameter types; the entry block is current.
  public init(parameterTypes: [IRType]) {
    valueTypes = parameterTypes
    blockInstructions = [[]]
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
    blockInstructions.append([])
    return BlockID(blockInstructions.count - 1)
  }

  /// Makes `block` the one that receives instructions.
  public mutating func switchTo(_ block: BlockID) { currentBlock = block }

  /// True when the current block already ends in a terminator.
  public var isTerminated: Bool {
    guard let last = blockInstructions[Int(currentBlock.index)].last else { return false }
    return last.opcode.isTerminator
  }

  /// Appends an instruction to the current block.
  public mutating func emit(_ opcode: Opcode, type: IRType, result: ValueID = .none, _ args: [Operand] = [],
                            aux0: UInt32 = 0, aux1: UInt32 = 0) {
    let start = UInt32(operands.count)
    operands.append(contentsOf: args)
    blockInstructions[Int(currentBlock.index)].append(
      Instruction(opcode: opcode, type: type, result: result, operandStart: start,
                  operandCount: UInt32(args.count), aux0: aux0, aux1: aux1))
  }

  // MARK: - Conveniences that create the result value

  /// Emits a binary or unary operation and returns its result, typed from the opcode table.
  public mutating func op(_ opcode: Opcode, _ args: Operand...) -> ValueID {
    let type: IRType
    switch opcode.shape {
    case .binary(_, let r), .unary(_, let r): type = r
    case .special: preconditionFailure("op(_:) is for opcodes with a fixed shape, not \(opcode.name)")
    }
    let result = makeValue(type)
    emit(opcode, type: type, result: result, args)
    return result
  }

  /// Emits `dst = copy src` into an existing value.
  public mutating func copy(_ src: Operand, to dst: ValueID) {
    emit(.copy, type: type(of: dst), result: dst, [src])
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
    emit(.load, type: type, result: result, [address, .int(offset)])
    return result
  }

  /// Emits `store`.
  public mutating func store(_ type: IRType, _ value: Operand, to address: Operand, offset: Int64) {
    emit(.store, type: type, [address, .int(offset), value])
  }

  /// Emits `addr` of a data object.
  public mutating func address(of data: DataID) -> ValueID {
    let result = makeValue(.ptr)
    emit(.addr, type: .ptr, result: result, [], aux0: data.index)
    return result
  }

  /// Emits `br`.
  public mutating func branch(to block: BlockID) {
    emit(.br, type: .void, [], aux0: block.index)
  }

  /// Emits `condbr`.
  public mutating func branch(if condition: Operand, then thenBlock: BlockID, else elseBlock: BlockID) {
    emit(.condbr, type: .void, [condition], aux0: thenBlock.index, aux1: elseBlock.index)
  }

  /// Emits `ret` with an optional value.
  public mutating func ret(_ value: Operand?) {
    emit(.ret, type: .void, value.map { [$0] } ?? [])
  }

  /// Emits `unreachable`.
  public mutating func unreachable() { emit(.unreachable, type: .void) }

  // MARK: - Finishing

  /// Lays the blocks out in order and stores the body into `function`. Blocks that received no
  /// instruction (never branched to, or left after a return) are given `unreachable`, so every
  /// block ends in a terminator.
  public func finish(into function: inout IRFunction) {
    var instructions: [Instruction] = []
    instructions.reserveCapacity(blockInstructions.reduce(0) { $0 + $1.count + 1 })
    var ranges: [Range<Int>] = []
    ranges.reserveCapacity(blockInstructions.count)
    for block in blockInstructions {
      let start = instructions.count
      instructions.append(contentsOf: block)
      if block.last.map({ !$0.opcode.isTerminator }) ?? true {
        instructions.append(Instruction(opcode: .unreachable, type: .void, result: .none,
                                        operandStart: UInt32(operands.count), operandCount: 0))
      }
      ranges.append(start..<instructions.count)
    }
    function.valueTypes = valueTypes
    function.instructions = instructions
    function.operands = operands
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
