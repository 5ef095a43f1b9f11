//! A module's code generation split into parts (`CodegenParts`): the object is byte-identical
//! for every part size and whatever order or threads the parts run on, and a large function is
//! cut only at block starts and after calls without result.
import Dispatch
import MojoCodegen
import MojoIR
import Synchronization
import Testing
@testable import MojoCopyPatch

/// A module with one long function (straight-line arithmetic, void calls, calls with results,
/// a loop, and a call with stack arguments late in the body) and a few small ones.
func makeLongModule(statements: Int) -> IRModule {
  var m = IRModule(name: "long")
  let sink = m.declare("sink", parameters: [.i64], returns: .void)
  let many = m.declare("many", parameters: Array(repeating: .i64, count: 9), returns: .i64)
  let twice = m.declare("twice", parameters: [.f64], returns: .f64)
  let text = m.addData(Array("hello".utf8))
  define(&m, "small", [.i64], .i64) { b in b.ret(.value(b.op(.iadd, .value(b.parameter(0)), .int(1)))) }
  define(&m, "long", [.i64, .f64], .i64) { b in
    var v = b.parameter(0)
    var f = b.parameter(1)
    for k in 0..<statements {
      switch k % 6 {
      case 0: v = b.op(.imul, .value(v), .int(Int64(k % 7 + 2)))
      case 1: b.call(sink, returning: .void, [.value(v)])
      case 2: f = b.call(twice, returning: .f64, [.value(f)])!
      case 3:
        // A small loop: i = 0; while i < 3 { v += i; i += 1 }
        let i = b.makeValue(.i64), acc = b.makeValue(.i64)
        b.copy(.int(0), to: i)
        b.copy(.value(v), to: acc)
        let head = b.makeBlock(), body = b.makeBlock(), exit = b.makeBlock()
        b.branch(to: head)
        b.switchTo(head)
        b.branch(if: .value(b.op(.ilt, .value(i), .int(3))), then: body, else: exit)
        b.switchTo(body)
        b.emit(.iadd, type: .i64, result: acc, [.value(acc), .value(i)])
        b.emit(.iadd, type: .i64, result: i, [.value(i), .int(1)])
        b.branch(to: head)
        b.switchTo(exit)
        v = acc
      case 4:
        b.call(sink, returning: .void, [.value(b.address(of: text))])
      default:
        if k > statements / 2 {
          v = b.call(many, returning: .i64, (0..<9).map { $0 == 4 ? .value(v) : .int(Int64($0)) })!
        } else {
          v = b.op(.isub, .value(v), .value(b.op(.fptosi, .value(f))))
        }
      }
    }
    b.ret(.value(v))
  }
  define(&m, "after", [.i64], .i64) { b in b.ret(.value(b.op(.imul, .value(b.parameter(0)), .int(3)))) }
  return m
}

/// Runs the parts in reverse order on the calling thread.
func reversedFor(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
  for i in (0..<count).reversed() { body(i) }
}

/// Runs the parts on Dispatch's threads.
func concurrentFor(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
  DispatchQueue.concurrentPerform(iterations: count) { body($0) }
}

@Suite struct CodegenPartsTests {
  @Test func objectsDoNotDependOnPartSizeOrOrder() throws {
    for module in [makeLongModule(statements: 600), makeModuleA()] {
      let whole = try CopyPatchBackend(instructionsPerPart: Int.max).emitObject(for: module).bytes
      for size in [1, 2, 7, 64, 500] {
        let backend = CopyPatchBackend(instructionsPerPart: size)
        if size <= 7 || module.name == "long" {
          #expect(CodegenParts(module: module, instructionsPerPart: size).parts.count > 1)
        }
        #expect(try backend.emitObject(for: module, parallel: serialFor).bytes == whole, "part size \(size)")
        #expect(try backend.emitObject(for: module, parallel: reversedFor).bytes == whole, "part size \(size)")
        #expect(try backend.emitObject(for: module, parallel: concurrentFor).bytes == whole, "part size \(size)")
      }
    }
  }

  @Test func longFunctionsAreCutAtSplitPointsOnly() throws {
    let module = makeLongModule(statements: 600)
    let plan = CodegenParts(module: module, instructionsPerPart: 50)
    let long = try #require(plan.defined.firstIndex { module.functions[$0].symbol == "long" })
    #expect(plan.splitFunctions == [long])
    let pieces = plan.parts.filter { $0.functions == long..<long + 1 }.compactMap(\.instructions)
    #expect(pieces.count > 5)
    #expect(pieces.first?.lowerBound == 0)
    #expect(pieces.last?.upperBound == module.functions[plan.defined[long]].instructions.count)
    for (a, b) in zip(pieces, pieces.dropFirst()) {
      #expect(a.upperBound == b.lowerBound)
      #expect(CodegenParts.isSplitPoint(module.functions[plan.defined[long]], b.lowerBound))
    }
    // Small functions around it are grouped into parts of whole functions.
    #expect(plan.parts.first?.instructions == nil)
    #expect(plan.parts.last?.instructions == nil)
  }
}
