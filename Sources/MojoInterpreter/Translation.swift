//! One function translated for interpretation: every value and every immediate gets a slot of
//! one register file (values first, then constants, which the frame's initial registers hold),
//! so each operand is a register index; branch targets become step indices; `addr` becomes a
//! copy of a constant holding the data object's address; call arguments go to a side array.
import MojoIR

/// One instruction in interpretable form.
struct Step {
  var opcode: Opcode
  var type: IRType
  /// The register written, or -1.
  var result: Int32
  /// Operand registers (`store`: address, offset, value; `call`: first argument in `arguments`
  /// and the argument count).
  var a: Int32 = -1, b: Int32 = -1, c: Int32 = -1
  /// `call`: the global callee; `br`/`condbr`: the step to go to; `condbr`: `aux1` the else step.
  var aux0: Int32 = 0, aux1: Int32 = 0
}

/// A function of the program as the interpreter runs it.
struct TranslatedFunction {
  let symbol: String
  let parameterCount: Int
  /// The register file a call starts with: zeros for the values, then the constants.
  let initialRegisters: [UInt64]
  let steps: [Step]
  /// Argument registers of the calls, `Step.a ..< Step.a + Step.b`.
  let arguments: [Int32]

  init(_ f: IRFunction, calleeBase: Int, dataAddresses: [UInt64]) {
    symbol = f.symbol
    parameterCount = f.parameterTypes.count
    var registers = [UInt64](repeating: 0, count: f.valueTypes.count)
    var constantSlots: [UInt64: Int32] = [:]
    func constant(_ bits: UInt64) -> Int32 {
      if let slot = constantSlots[bits] { return slot }
      registers.append(bits)
      let slot = Int32(registers.count - 1)
      constantSlots[bits] = slot
      return slot
    }
    func register(_ operand: Operand) -> Int32 {
      switch operand {
      case .value(let v): Int32(v.index)
      case .int(let i): constant(UInt64(bitPattern: i))
      case .float(let bits): constant(bits)
      }
    }
    let blockStart = f.blocks.map { Int32($0.lowerBound) }
    var steps: [Step] = []
    var arguments: [Int32] = []
    steps.reserveCapacity(f.instructions.count)
    for inst in f.instructions {
      let ops = f.operands(of: inst)
      var step = Step(opcode: inst.opcode, type: inst.type, result: inst.result.exists ? Int32(inst.result.index) : -1)
      switch inst.opcode {
      case .call:
        step.a = Int32(arguments.count)
        step.b = Int32(ops.count)
        arguments.append(contentsOf: ops.map(register))
        step.aux0 = Int32(calleeBase + Int(inst.aux0))
      case .addr:
        step.opcode = .copy
        step.a = constant(dataAddresses[Int(inst.aux0)])
      case .br:
        step.aux0 = blockStart[Int(inst.aux0)]
      case .condbr:
        step.a = register(ops[ops.startIndex])
        step.aux0 = blockStart[Int(inst.aux0)]
        step.aux1 = blockStart[Int(inst.aux1)]
      default:
        var k = ops.startIndex
        if k < ops.endIndex { step.a = register(ops[k]); k += 1 }
        if k < ops.endIndex { step.b = register(ops[k]); k += 1 }
        if k < ops.endIndex { step.c = register(ops[k]) }
      }
      steps.append(step)
    }
    initialRegisters = registers
    self.steps = steps
    self.arguments = arguments
  }
}
