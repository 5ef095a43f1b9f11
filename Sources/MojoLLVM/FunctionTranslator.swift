//! Translates one IR function body into LLVM IR. The LLVM function gets a prologue block holding
//! the stack slots (see `ValuePlacement.swift`) and the stores of reassigned parameters, then one
//! LLVM block per IR block in the same order. `idiv` may split an IR block to branch to the shared
//! division-by-zero trap block, which is appended last.

import LLVMKit
import MojoIR

/// Translation state of one function body.
struct FunctionTranslator {
  let ir: IRFunction
  let llvm: LLVMFunction
  let owner: ModuleTranslator
  let builder: LLVMBuilder
  let context: LLVMContext
  /// Indexed by `ValueID.index`: true when the value lives in a stack slot.
  private let needsSlot: [Bool]
  /// For a slot value its `alloca`; for an SSA value its current definition.
  private var values: [LLVMValue?]
  /// One LLVM block per IR block.
  private var blocks: [LLVMBasicBlock] = []
  /// The block that calls `mojo_rt_trap_div_zero`, made on the first `idiv` that needs it.
  private var trapBlock: LLVMBasicBlock?

  /// Prepares to translate `ir` into the (still empty) function `llvm`.
  init(ir: IRFunction, llvm: LLVMFunction, owner: ModuleTranslator) {
    self.ir = ir
    self.llvm = llvm
    self.owner = owner
    builder = owner.builder
    context = owner.context
    needsSlot = ValuePlacement(ir).needsSlot
    values = Array(repeating: nil, count: ir.valueTypes.count)
  }

  /// Emits the whole body.
  mutating func translate() {
    let prologue = context.appendBlock(to: llvm)
    blocks.reserveCapacity(ir.blocks.count)
    for _ in ir.blocks { blocks.append(context.appendBlock(to: llvm)) }
    builder.position(atEndOf: prologue)
    for (index, type) in ir.valueTypes.enumerated() where needsSlot[index] {
      values[index] = builder.alloca(owner.llvmType(type))
    }
    for index in 0..<ir.parameterTypes.count {
      define(ValueID(index), llvm.parameter(index))
    }
    builder.branch(to: blocks[0])
    for (block, range) in ir.blocks.enumerated() {
      builder.position(atEndOf: blocks[block])
      for index in range { translate(ir.instructions[index]) }
    }
  }

  // MARK: - Values

  /// The LLVM value of an operand used at IR type `type` (immediates take that type).
  func read(_ operand: Operand, as type: IRType) -> LLVMValue {
    switch operand {
    case .value(let id):
      let value = values[Int(id.index)]!
      return needsSlot[Int(id.index)] ? builder.load(owner.llvmType(ir.valueTypes[Int(id.index)]), from: value) : value
    case .int(let bits):
      return type == .ptr && bits == 0
        ? context.constantNull(context.pointerType) : context.constantInteger(bits, type: owner.llvmType(type))
    case .float(let bits):
      return context.constantDouble(bits: bits)
    }
  }

  /// Assigns `value` to the IR value `id`.
  mutating func define(_ id: ValueID, _ value: LLVMValue) {
    if needsSlot[Int(id.index)] {
      builder.store(value, to: values[Int(id.index)]!)
    } else {
      values[Int(id.index)] = value
    }
  }

  // MARK: - Instructions

  /// Emits one instruction at the builder's position.
  private mutating func translate(_ instruction: Instruction) {
    let operands = ir.operands(of: instruction)
    let first = operands.startIndex
    switch instruction.opcode.shape {
    case .binary(let operandType, _):
      let lhs = read(operands[first], as: operandType)
      let rhs = read(operands[first + 1], as: operandType)
      define(instruction.result, binary(instruction.opcode, lhs, rhs, divisor: operands[first + 1]))
      return
    case .unary(let operandType, _):
      define(instruction.result, unary(instruction.opcode, read(operands[first], as: operandType)))
      return
    case .special:
      break
    }
    switch instruction.opcode {
    case .copy:
      define(instruction.result, read(operands[first], as: instruction.type))
    case .load:
      let address = effectiveAddress(operands[first], operands[first + 1])
      if instruction.type == .i1 {
        let byte = builder.load(context.i8Type, from: address, alignment: 1)
        define(instruction.result, builder.truncate(byte, to: context.i1Type))
      } else {
        define(instruction.result, builder.load(owner.llvmType(instruction.type), from: address, alignment: 1))
      }
    case .store:
      let address = effectiveAddress(operands[first], operands[first + 1])
      var value = read(operands[first + 2], as: instruction.type)
      if instruction.type == .i1 { value = builder.zeroExtend(value, to: context.i8Type) }
      builder.store(value, to: address, alignment: 1)
    case .addr:
      define(instruction.result, owner.address(of: instruction.data))
    case .call:
      let callee = owner.ir.functions[Int(instruction.callee.index)]
      var arguments: [LLVMValue] = []
      arguments.reserveCapacity(operands.count)
      for (offset, type) in callee.parameterTypes.enumerated() {
        arguments.append(read(operands[first + offset], as: type))
      }
      let result = builder.call(owner.functions[Int(instruction.callee.index)], arguments)
      if callee.returnType != .void { define(instruction.result, result) }
    case .br:
      builder.branch(to: blocks[Int(instruction.target.index)])
    case .condbr:
      builder.branch(if: read(operands[first], as: .i1), then: blocks[Int(instruction.target.index)],
                     else: blocks[Int(instruction.elseTarget.index)])
    case .ret:
      if ir.returnType == .void {
        builder.retVoid()
      } else {
        builder.ret(read(operands[first], as: ir.returnType))
      }
    case .unreachable:
      builder.unreachable()
    default:
      preconditionFailure("LLVM backend: \(instruction.opcode.name) has a fixed shape")
    }
  }

  /// `base + offset` for memory access; no `getelementptr` when the offset is 0.
  private func effectiveAddress(_ base: Operand, _ offset: Operand) -> LLVMValue {
    let address = read(base, as: .ptr)
    guard case .int(let bytes) = offset, bytes != 0 else { return address }
    return builder.byteOffset(address, by: context.constantInteger(bytes, type: context.i64Type))
  }

  /// The block that calls `mojo_rt_trap_div_zero` and ends in `unreachable`, shared by the
  /// function's divisions. Leaves the builder where it was.
  mutating func divisionTrapBlock() -> LLVMBasicBlock {
    if let trapBlock { return trapBlock }
    let current = builder.insertionBlock
    let block = context.appendBlock(to: llvm)
    builder.position(atEndOf: block)
    builder.call(owner.trapDivZero, [])
    builder.unreachable()
    builder.position(atEndOf: current)
    trapBlock = block
    return block
  }
}
