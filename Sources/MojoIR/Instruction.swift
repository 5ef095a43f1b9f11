//! One IR instruction, stored flat: operands live in the function's operand pool and the
//! instruction keeps a range into it, so a function body is three arrays and no pointers.

/// A sentinel meaning "no result value".
extension ValueID {
  /// The ID used in `Instruction.result` when the instruction defines nothing.
  public static let none = ValueID(Int(UInt32.max))
  /// False for `ValueID.none`.
  public var exists: Bool { index != UInt32.max }
}

/// One instruction of a function body.
public struct Instruction: Sendable, Equatable {
  /// What the instruction does.
  public var opcode: Opcode
  /// The result type; for `store` the stored type; `.void` when there is no result.
  public var type: IRType
  /// The defined value, or `ValueID.none`.
  public var result: ValueID
  /// First operand in `IRFunction.operands`.
  public var operandStart: UInt32
  /// Number of operands.
  public var operandCount: UInt32
  /// Opcode-specific reference: the callee of `call`, the data object of `addr`, the target of
  /// `br`, the true target of `condbr`.
  public var aux0: UInt32
  /// Opcode-specific reference: the false target of `condbr`.
  public var aux1: UInt32

  /// Makes an instruction from its parts.
  public init(opcode: Opcode, type: IRType, result: ValueID, operandStart: UInt32, operandCount: UInt32,
              aux0: UInt32 = 0, aux1: UInt32 = 0) {
    self.opcode = opcode
    self.type = type
    self.result = result
    self.operandStart = operandStart
    self.operandCount = operandCount
    self.aux0 = aux0
    self.aux1 = aux1
  }

  /// The range of this instruction's operands in the function's operand pool.
  public var operandRange: Range<Int> { Int(operandStart)..<Int(operandStart + operandCount) }

  /// The callee of a `call`.
  public var callee: FunctionRef { FunctionRef(Int(aux0)) }
  /// The data object of an `addr`.
  public var data: DataID { DataID(Int(aux0)) }
  /// The target of `br`, or the true target of `condbr`.
  public var target: BlockID { BlockID(Int(aux0)) }
  /// The false target of `condbr`.
  public var elseTarget: BlockID { BlockID(Int(aux1)) }
}
