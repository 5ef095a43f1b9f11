//! A module of many functions in the spike's naive front-end shape (a counted loop of 32 integer
//! operations, a compare and branches), for tests that need a large object. Code generation time
//! is measured by `mojoc bench-codegen` (`Scripts/bench-codegen`), not by a test.
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
