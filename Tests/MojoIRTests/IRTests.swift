//! IR: building with FunctionBuilder, the verifier's rules, and the text printer.
import Testing
@testable import MojoIR

/// `def sum(n) -> i64`: adds 0..<n in a loop.
func makeSumModule() -> IRModule {
  var module = IRModule(name: "m")
  var f = IRFunction(defining: "sum", parameterTypes: [.i64], returnType: .i64, linkage: .exported)
  var b = FunctionBuilder(parameterTypes: [.i64])
  emitSumBody(&b)
  b.finish(into: &f)
  module.functions.append(f)
  return module
}

/// The body of `sum`, into a builder started with one i64 parameter.
func emitSumBody(_ b: inout FunctionBuilder) {
  let acc = b.makeValue(.i64), i = b.makeValue(.i64)
  b.copy(.int(0), to: acc)
  b.copy(.int(0), to: i)
  let header = b.makeBlock(), body = b.makeBlock(), exit = b.makeBlock()
  b.branch(to: header)
  b.switchTo(header)
  let more = b.op(.ilt, .value(i), .value(b.parameter(0)))
  b.branch(if: .value(more), then: body, else: exit)
  b.switchTo(body)
  b.emit(.iadd, type: .i64, result: acc, [.value(acc), .value(i)])
  b.emit(.iadd, type: .i64, result: i, [.value(i), .int(1)])
  b.branch(to: header)
  b.switchTo(exit)
  b.ret(.value(acc))
}

@Suite struct IRTests {
  @Test func builtFunctionVerifiesAndPrints() {
    let module = makeSumModule()
    #expect(Verifier.verify(module).isEmpty)
    let text = Printer.print(module)
    #expect(text.contains("define export @f0 sum(%0: i64) -> i64 {"))
    #expect(text.contains("  %3:i1 = ilt %2, %0\n  condbr %3, bb2, bb3"))
    #expect(text.contains("bb3:\n  ret %1\n}"))
  }

  @Test func verifierRejectsTypeErrors() {
    var module = makeSumModule()
    // Make the loop condition an i64: condbr must reject it.
    module.functions[0].valueTypes[3] = .i64
    let errors = Verifier.verify(module)
    #expect(errors.contains { $0.message.contains("result %3 has type i64") })
    #expect(errors.contains { $0.message.contains("operand 0 is i64, expected i1") })
  }

  @Test func verifierRejectsBadCallsAndBranches() {
    var module = IRModule(name: "m")
    let callee = module.declare("ext", parameters: [.f64], returns: .void)
    var f = IRFunction(defining: "f", parameterTypes: [], returnType: .void, linkage: .local)
    var b = FunctionBuilder(parameterTypes: [])
    b.call(callee, returning: .void, [.int(1)])
    b.emit(.br, type: .void, aux0: 7)
    b.finish(into: &f)
    module.functions.append(f)
    let messages = Verifier.verify(module).map(\.message)
    #expect(messages.contains("operand 0 is i64, expected f64"))
    #expect(messages.contains("branch to missing block bb7"))
  }

  /// A builder reused after a function larger than it keeps storage for (`finish` frees those
  /// lists once copied) builds the next function as a fresh builder does.
  @Test func builderReusedAfterAHugeFunction() {
    var b = FunctionBuilder(parameterTypes: [.i64])
    var huge = IRFunction(defining: "huge", parameterTypes: [.i64], returnType: .i64, linkage: .local)
    var v = b.parameter(0)
    let count = FunctionBuilder.keptCapacity + 1000
    for k in 0..<count { v = b.op(.iadd, .value(v), .int(Int64(k))) }
    let tail = b.makeBlock()
    b.branch(to: tail)
    b.switchTo(tail)
    b.ret(.value(v))
    b.finish(into: &huge)
    #expect(huge.instructions.count == count + 2)
    #expect(huge.valueTypes.count == count + 1)
    #expect(huge.operands.count == 2 * count + 1)
    #expect(huge.blocks == [0..<count + 1, count + 1..<count + 2])
    #expect(huge.instructions[count - 1].operandStart == UInt32(2 * (count - 1)))

    b.reset(parameterTypes: [.i64])
    var reused = IRFunction(defining: "sum", parameterTypes: [.i64], returnType: .i64, linkage: .exported)
    emitSumBody(&b)
    b.finish(into: &reused)
    var module = IRModule(name: "m")
    module.functions.append(reused)
    #expect(Printer.print(module) == Printer.print(makeSumModule()))
    #expect(Verifier.verify(module).isEmpty)
  }

  @Test func floatImmediatesKeepTheirBits() {
    #expect(Operand.float(-0.0).description == "0f8000000000000000")
    #expect(Operand.float(1.0).description == "0f3ff0000000000000")
  }
}
