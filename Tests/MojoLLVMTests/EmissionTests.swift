//! Properties of emission itself: the LLVM text names the symbols with the right linkage, the
//! same IR gives byte-identical objects (also when emitted concurrently), and a rough codegen
//! throughput measurement that only prints.

import Dispatch
import Foundation
import MojoCodegen
import MojoIR
@testable import MojoLLVM
import Testing

/// Collects results from concurrent workers into slots indexed by job. Stores take a lock:
/// two workers writing one Swift array at once is a race even on different indexes.
private final class Slots<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private(set) var values: [Value?]
  init(count: Int) { values = Array(repeating: nil, count: count) }
  func store(_ value: Value?, at index: Int) {
    lock.lock()
    defer { lock.unlock() }
    values[index] = value
  }
}

@Suite struct EmissionTests {
  @Test func llvmTextNamesSymbolsAndLinkage() throws {
    let backend = LLVMBackend(optimization: .o0)
    let text = try backend.emitText(for: MemoryTests.memoryModule())
      + backend.emitText(for: ControlFlowTests.arithmeticModule())
    #expect(text.contains("define i64 @greeting_length()"))
    #expect(text.contains("define internal i64 @fact_local(i64"))
    #expect(text.contains("define i64 @fact(i64"))
    let blob = #"private unnamed_addr constant [19 x i8] c"\0B\00\00\00\00\00\00\00hello, data", align 8"#
    #expect(text.contains(blob))
    #expect(text.contains("target triple = \"x86_64-unknown-linux-gnu\""))
  }

  @Test(arguments: [OptimizationLevel.o0, .o2])
  func emissionIsDeterministic(level: OptimizationLevel) throws {
    let module = Self.generatedModule(functions: 40)
    let backend = LLVMBackend(optimization: level)
    let first = try backend.emitObject(for: module)
    let second = try backend.emitObject(for: module)
    #expect(first.bytes.count > 1000)
    #expect(first == second)
    let slots = Slots<ObjectFile>(count: 4)
    DispatchQueue.concurrentPerform(iterations: 4) { job in
      slots.store(try? backend.emitObject(for: module), at: job)
    }
    #expect(slots.values.allSatisfy { $0 == first })
  }

  /// A module of `functions` small functions in the shape the lowering produces: a counted loop
  /// with a reassigned accumulator, integer arithmetic including a division, a compare and a call
  /// to the previous function.
  static func generatedModule(functions: Int) -> IRModule {
    var module = IRModule(name: "tests.generated")
    for k in 0..<functions {
      let previous = k == 0 ? nil : FunctionRef(k - 1)
      module.define("gen_\(k)", [.i64, .i64], .i64, linkage: k % 4 == 0 ? .exported : .local) { b in
        let acc = b.makeValue(.i64), i = b.makeValue(.i64)
        let header = b.makeBlock(), body = b.makeBlock(), exit = b.makeBlock()
        b.copy(.int(Int64(k)), to: acc)
        b.copy(.int(0), to: i)
        b.branch(to: header)
        b.switchTo(header)
        b.branch(if: v(b.op(.ilt, v(i), v(b.parameter(1)))), then: body, else: exit)
        b.switchTo(body)
        let mixed = b.op(.ixor, v(b.op(.imul, v(acc), .int(31))), v(i))
        let divided = b.op(.ifloordiv, v(mixed), v(b.op(.iadd, v(b.parameter(0)), .int(Int64(k % 7 + 1)))))
        let shifted = b.op(.ishl, v(divided), .int(Int64(k % 5)))
        b.emit(.iadd, type: .i64, result: acc, [v(shifted), v(b.op(.imod, v(b.parameter(0)), .int(Int64(k % 9 + 2))))])
        b.emit(.iadd, type: .i64, result: i, [v(i), .int(1)])
        b.branch(to: header)
        b.switchTo(exit)
        if let previous {
          b.ret(v(b.op(.iadd, v(acc), v(b.call(previous, returning: .i64, [v(acc), .int(2)])!))))
        } else {
          b.ret(v(acc))
        }
      }
    }
    return module
  }
}

/// Failures surface as `CodegenError`s that name the module.
@Suite struct EmissionFailureTests {
  /// IR that the IR verifier would reject (a `ret` of a `ptr` from an `i64` function) reaches
  /// LLVM's verifier, whose report becomes the error.
  @Test func llvmVerifierFailureNamesTheModule() throws {
    var module = IRModule(name: "tests.broken")
    let data = module.addData([1, 2, 3])
    module.define("broken", [], .i64) { b in b.ret(v(b.address(of: data))) }
    let backend = LLVMBackend(optimization: .o0, verifiesModules: true)
    let error = #expect(throws: CodegenError.self) { try backend.emitObject(for: module) }
    #expect(error?.description.contains("tests.broken") == true)
  }

  @Test func duplicateDefinitionIsAnError() throws {
    var module = IRModule(name: "tests.duplicate")
    module.define("twice", [], .void) { b in b.ret(nil) }
    module.define("twice", [], .void) { b in b.ret(nil) }
    let error = #expect(throws: CodegenError.self) { try LLVMBackend(optimization: .o0).emitObject(for: module) }
    #expect(error?.description.contains("twice") == true)
  }
}
