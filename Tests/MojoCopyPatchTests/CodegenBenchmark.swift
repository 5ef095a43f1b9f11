//! A measurement, not a timed test: with MOJOC_BENCH=1 it builds a module of 1000 functions in the
//! spike's naive front-end shape (stores and loads, a counted loop of 32 integer operations, a
//! compare and branches), times IR in memory -> object bytes, and prints µs per function.
//! Run it in release: `MOJOC_BENCH=1 swift test -c release --filter codegenSpeed`.
import Foundation
import MojoCodegen
import MojoCopyPatch
import MojoIR
import Testing

/// A module of `count` functions of about 54 instructions each.
func makeBenchmarkModule(functions count: Int) -> IRModule {
  var m = IRModule(name: "bench")
  for k in 0..<count {
    define(&m, "bench_\(k)", [.i64, .i64], .i64) { b in
      let acc = b.makeValue(.i64), i = b.makeValue(.i64)
      b.copy(.value(b.parameter(0)), to: acc)
      b.copy(.int(0), to: i)
      let head = b.makeBlock(), body = b.makeBlock(), exit = b.makeBlock()
      b.branch(to: head)
      b.switchTo(head)
      b.branch(if: .value(b.op(.ilt, .value(i), .value(b.parameter(1)))), then: body, else: exit)
      b.switchTo(body)
      let ops: [Opcode] = [.iadd, .imul, .ixor, .isub, .iand, .ior, .ishl, .ishr]
      for j in 0..<32 {
        let rhs: Operand = j % 3 == 0 ? .int(Int64(j + k)) : .value(i)
        b.emit(ops[j % ops.count], type: .i64, result: acc, [.value(acc), rhs])
      }
      b.emit(.iadd, type: .i64, result: i, [.value(i), .int(1)])
      b.branch(to: head)
      b.switchTo(exit)
      b.ret(.value(acc))
    }
  }
  return m
}

@Test(.enabled(if: ProcessInfo.processInfo.environment["MOJOC_BENCH"] == "1"))
func codegenSpeed() throws {
  let module = makeBenchmarkModule(functions: 1000)
  let instructions = module.functions.reduce(0) { $0 + $1.instructions.count }
  let backend = CopyPatchBackend()
  _ = try backend.emitObject(for: module)  // decode the library, warm caches
  var best = Double.infinity
  var size = 0
  for _ in 0..<10 {
    let start = ContinuousClock.now
    let object = try backend.emitObject(for: module)
    let elapsed = ContinuousClock.now - start
    size = object.bytes.count
    best = min(best, Double(elapsed.components.attoseconds) / 1e12 + Double(elapsed.components.seconds) * 1e6)
  }
  let small = makeBenchmarkModule(functions: 1)
  var bestSmall = Double.infinity
  for _ in 0..<200 {
    let start = ContinuousClock.now
    _ = try backend.emitObject(for: small)
    let elapsed = ContinuousClock.now - start
    bestSmall = min(bestSmall, Double(elapsed.components.attoseconds) / 1e12 + Double(elapsed.components.seconds) * 1e6)
  }
  print("""
    copy-and-patch codegen: 1000 functions, \(instructions) IR instructions, object \(size) bytes
      best of 10: \(String(format: "%.0f", best)) µs per module, \(String(format: "%.2f", best / 1000)) µs per function, \
    \(String(format: "%.1f", best * 1000 / Double(instructions))) ns per instruction
      one-function module: \(String(format: "%.1f", bestSmall)) µs (fixed cost of an object)
    """)
}
