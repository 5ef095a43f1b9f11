//! Checks the structural and type rules of the IR. A failure is a compiler bug, never a user
//! error: callers stop with the message, naming the pass that produced the module.

/// An IR rule that a module breaks.
public struct VerifierError: Error, CustomStringConvertible, Sendable {
  /// The symbol of the offending function.
  public var function: String
  /// The block and instruction index inside the function, when the error is local to one.
  public var location: String
  /// What is wrong.
  public var message: String
  public var description: String { "IR verifier: \(function) \(location): \(message)" }
}

/// Checks modules against the IR rules.
public enum Verifier {
  /// Verifies every defined function of `module`; returns the problems found (empty when valid).
  public static func verify(_ module: IRModule) -> [VerifierError] {
    var errors: [VerifierError] = []
    for function in module.functions where function.isDefined {
      verify(function, in: module, into: &errors)
    }
    return errors
  }

  private static func verify(_ f: IRFunction, in module: IRModule, into errors: inout [VerifierError]) {
    func fail(_ where_: String, _ message: String) {
      errors.append(VerifierError(function: f.symbol, location: where_, message: message))
    }
    guard f.valueTypes.count >= f.parameterTypes.count,
          Array(f.valueTypes.prefix(f.parameterTypes.count)) == f.parameterTypes else {
      return fail("", "parameter values do not match the signature")
    }
    for (b, range) in f.blocks.enumerated() {
      if range.isEmpty { fail("bb\(b)", "empty block"); continue }
      for i in range {
        let inst = f.instructions[i]
        let at = "bb\(b)#\(i - range.lowerBound) \(inst.opcode.name)"
        if inst.opcode.isTerminator != (i == range.upperBound - 1) {
          fail(at, inst.opcode.isTerminator ? "terminator before the end of the block" : "block does not end in a terminator")
        }
        let ops = f.operands(of: inst)
        func operandType(_ k: Int, expected: IRType) -> IRType { f.type(of: ops[ops.startIndex + k], expected: expected) }
        func expectOperands(_ types: [IRType]) {
          guard ops.count == types.count else { return fail(at, "expected \(types.count) operands, got \(ops.count)") }
          for (k, t) in types.enumerated() where operandType(k, expected: t) != t {
            fail(at, "operand \(k) is \(operandType(k, expected: t)), expected \(t)")
          }
        }
        for op in ops {
          if let v = op.valueID, Int(v.index) >= f.valueTypes.count { fail(at, "undefined value \(v)") }
          if case .int(let x) = op, x != 0 && x != 1, ops.count == 1, inst.opcode == .condbr { fail(at, "i1 immediate \(x)") }
        }
        if inst.opcode.hasResult && !(inst.opcode == .call && inst.type == .void) {
          guard inst.result.exists, Int(inst.result.index) < f.valueTypes.count else { fail(at, "missing result"); continue }
          if f.valueTypes[Int(inst.result.index)] != inst.type {
            fail(at, "result \(inst.result) has type \(f.valueTypes[Int(inst.result.index)]), instruction gives \(inst.type)")
          }
        } else if inst.result.exists {
          fail(at, "instruction cannot define a value")
        }
        func checkBlock(_ id: UInt32) { if Int(id) >= f.blocks.count { fail(at, "branch to missing block bb\(id)") } }
        switch inst.opcode.shape {
        case .binary(let t, let r):
          expectOperands([t, t])
          if inst.type != r { fail(at, "type must be \(r)") }
        case .unary(let t, let r):
          expectOperands([t])
          if inst.type != r { fail(at, "type must be \(r)") }
        case .special:
          switch inst.opcode {
          case .copy:
            if inst.type == .void { fail(at, "copy of void") }
            expectOperands([inst.type])
          case .load:
            if inst.type == .void { fail(at, "load of void") }
            expectOperands([.ptr, .i64])
            if ops.count == 2, case .value = ops[ops.startIndex + 1] { fail(at, "offset must be an immediate") }
          case .store:
            if inst.type == .void { fail(at, "store of void") }
            expectOperands([.ptr, .i64, inst.type])
            if ops.count == 3, case .value = ops[ops.startIndex + 1] { fail(at, "offset must be an immediate") }
          case .addr:
            expectOperands([])
            if Int(inst.aux0) >= module.data.count { fail(at, "missing data object") }
            if inst.type != .ptr { fail(at, "type must be ptr") }
          case .call:
            guard Int(inst.aux0) < module.functions.count else { fail(at, "missing callee"); continue }
            let callee = module.functions[Int(inst.aux0)]
            expectOperands(callee.parameterTypes)
            if inst.type != callee.returnType { fail(at, "call type \(inst.type) but \(callee.symbol) returns \(callee.returnType)") }
          case .br:
            expectOperands([])
            checkBlock(inst.aux0)
          case .condbr:
            expectOperands([.i1])
            checkBlock(inst.aux0)
            checkBlock(inst.aux1)
          case .ret:
            expectOperands(f.returnType == .void ? [] : [f.returnType])
          case .unreachable:
            expectOperands([])
          default:
            fail(at, "opcode without a rule")
          }
        }
      }
    }
  }
}
