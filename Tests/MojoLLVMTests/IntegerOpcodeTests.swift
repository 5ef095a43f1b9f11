//! Every integer and `i1` opcode, run on edge values (MIN, MAX, -1, 0, shift counts of 63, 64,
//! 65, ...) in native code at -O0 and -O2, against a Swift reference of the semantics documented
//! in `Opcode.swift`.

import MojoCodegen
import MojoIR
import Testing

@Suite struct IntegerOpcodeTests {
  static let edgeValues: [Int64] = [.min, .min + 1, -65, -7, -3, -1, 0, 1, 3, 7, 63, 64, 65, .max]

  /// The binary `i64` opcodes under test; comparisons are widened with `zext` so the harness
  /// receives an `int64_t`.
  static let binaryOpcodes: [Opcode] = [
    .iadd, .isub, .imul, .idiv, .ifloordiv, .imod, .iand, .ior, .ixor, .ishl, .ishr,
    .ieq, .ine, .ilt, .ile, .igt, .ige,
  ]

  /// Functions with an immediate right operand: the guard-free division path and constant shifts.
  static let immediateCases: [(Opcode, Int64)] = [
    (.idiv, 7), (.idiv, -2), (.idiv, -1), (.ifloordiv, 7), (.ifloordiv, -3), (.ifloordiv, -1), (.ifloordiv, 0),
    (.imod, 7), (.imod, -3), (.imod, -1), (.imod, 0), (.ishl, 64), (.ishl, 65), (.ishr, 64), (.ishr, 127),
  ]

  /// The documented result of a binary opcode (nil: `idiv` by zero, tested separately).
  static func reference(_ opcode: Opcode, _ a: Int64, _ b: Int64) -> Int64? {
    func floorParts() -> (quotient: Int64, remainder: Int64) {
      if b == 0 { return (0, 0) }
      if b == -1 { return (0 &- a, 0) }
      var (q, r) = (a / b, a % b)
      if r != 0 && (r < 0) != (b < 0) { q -= 1; r += b }
      return (q, r)
    }
    switch opcode {
    case .iadd: return a &+ b
    case .isub: return a &- b
    case .imul: return a &* b
    case .idiv: return b == 0 ? nil : (b == -1 ? 0 &- a : a / b)
    case .ifloordiv: return floorParts().quotient
    case .imod: return floorParts().remainder
    case .iand: return a & b
    case .ior: return a | b
    case .ixor: return a ^ b
    case .ishl: return a &<< b  // masks the count to 0...63
    case .ishr: return a &>> b
    case .ieq: return a == b ? 1 : 0
    case .ine: return a != b ? 1 : 0
    case .ilt: return a < b ? 1 : 0
    case .ile: return a <= b ? 1 : 0
    case .igt: return a > b ? 1 : 0
    case .ige: return a >= b ? 1 : 0
    default: return nil
    }
  }

  /// Adds `name(a[, b]) -> i64` computing `opcode`, widening an `i1` result.
  static func addFunction(_ module: inout IRModule, _ name: String, _ opcode: Opcode, rhs: Operand?) {
    let parameters: [IRType] = rhs == nil ? [.i64, .i64] : [.i64]
    module.define(name, parameters, .i64) { b in
      var result = b.op(opcode, v(b.parameter(0)), rhs ?? v(b.parameter(1)))
      if b.type(of: result) == .i1 { result = b.op(.zext, v(result)) }
      b.ret(v(result))
    }
  }

  /// C helpers: `BINARY(f)` prints `f a b f(a, b)` for every pair of edge values (skipping a
  /// zero divisor when asked), `UNARY(f)` prints `f a f(a)`.
  static let harnessPrelude = """
    #include <stdio.h>
    #include <stdint.h>
    #include <stdlib.h>
    void mojo_rt_trap_div_zero(void) { puts("unexpected trap"); exit(3); }
    static const int64_t v[] = {VALUES};
    static const int n = sizeof v / sizeof v[0];
    #define BINARY(f, skip_zero) \\
      for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) if (!(skip_zero && v[j] == 0)) \\
        printf(#f " %lld %lld %lld\\n", (long long)v[i], (long long)v[j], (long long)f(v[i], v[j]));
    #define UNARY(f) for (int i = 0; i < n; i++) printf(#f " %lld %lld\\n", (long long)v[i], (long long)f(v[i]));

    """

  @Test(arguments: [OptimizationLevel.o0, .o2])
  func binaryOpcodesOnEdgeValues(level: OptimizationLevel) throws {
    var module = IRModule(name: "tests.integers")
    let values = Self.edgeValues.map { $0 == .min ? "INT64_MIN" : "\($0)LL" }.joined(separator: ", ")
    var harness = Self.harnessPrelude.replacingOccurrences(of: "VALUES", with: values)
    var body = ""
    var expected = ""
    for opcode in Self.binaryOpcodes {
      let name = "op_\(opcode.name)"
      Self.addFunction(&module, name, opcode, rhs: nil)
      harness += "int64_t \(name)(int64_t, int64_t);\n"
      body += "  BINARY(\(name), \(opcode == .idiv ? 1 : 0))\n"
      for a in Self.edgeValues {
        for b in Self.edgeValues {
          guard let r = Self.reference(opcode, a, b) else { continue }
          expected += "\(name) \(a) \(b) \(r)\n"
        }
      }
    }
    for (index, (opcode, immediate)) in Self.immediateCases.enumerated() {
      let name = "k\(index)_\(opcode.name)"
      Self.addFunction(&module, name, opcode, rhs: .int(immediate))
      harness += "int64_t \(name)(int64_t);\n"
      body += "  UNARY(\(name))\n"
      for a in Self.edgeValues { expected += "\(name) \(a) \(Self.reference(opcode, a, immediate)!)\n" }
    }
    for opcode in [Opcode.ineg, .inot] {
      let name = "op_\(opcode.name)"
      module.define(name, [.i64], .i64) { b in b.ret(v(b.op(opcode, v(b.parameter(0))))) }
      harness += "int64_t \(name)(int64_t);\n"
      body += "  UNARY(\(name))\n"
      for a in Self.edgeValues { expected += "\(name) \(a) \(opcode == .ineg ? 0 &- a : ~a)\n" }
    }
    harness += "int main(void) {\n\(body)  return 0;\n}\n"
    let run = try NativeProgram.run(module, level: level, harness: harness)
    #expect(run.status == 0)
    #expect(run.output == expected)
  }

  /// `band`/`bor`/`bxor`/`bnot` on every pair of truth values, passed as `i1` parameters.
  @Test(arguments: [OptimizationLevel.o0, .o2])
  func booleanOpcodes(level: OptimizationLevel) throws {
    var module = IRModule(name: "tests.booleans")
    module.define("truth_table", [.i64, .i64], .i64) { b in
      let x = b.op(.ine, v(b.parameter(0)), .int(0)), y = b.op(.ine, v(b.parameter(1)), .int(0))
      // Packs and, or, xor, not-x as four decimal digits.
      var packed = Operand.int(0)
      for bit in [b.op(.band, v(x), v(y)), b.op(.bor, v(x), v(y)), b.op(.bxor, v(x), v(y)), b.op(.bnot, v(x))] {
        packed = v(b.op(.iadd, v(b.op(.imul, packed, .int(10))), v(b.op(.zext, v(bit)))))
      }
      b.ret(packed)
    }
    let harness = """
      #include <stdio.h>
      #include <stdint.h>
      int64_t truth_table(int64_t, int64_t);
      int main(void) {
        for (int x = 0; x < 2; x++)
          for (int y = 0; y < 2; y++) printf("%d%d %04lld\\n", x, y, (long long)truth_table(x, y * 5));
        return 0;
      }
      """
    let run = try NativeProgram.run(module, level: level, harness: harness)
    #expect(run == ProgramRun(output: "00 0001\n01 0111\n10 0110\n11 1100\n", status: 0))
  }

  /// `idiv` by a zero register and by an immediate 0 calls `mojo_rt_trap_div_zero`, which the
  /// harness implements by printing and exiting with status 3.
  @Test(arguments: [OptimizationLevel.o0, .o2])
  func divisionByZeroTraps(level: OptimizationLevel) throws {
    var module = IRModule(name: "tests.trap")
    Self.addFunction(&module, "divide", .idiv, rhs: nil)
    Self.addFunction(&module, "divide_by_zero", .idiv, rhs: .int(0))
    // The module may declare the trap itself (the lowering does, for explicit calls): one symbol.
    let trap = module.declare("mojo_rt_trap_div_zero", parameters: [], returns: .void)
    module.define("trap_directly", [], .void) { b in
      b.call(trap, returning: .void, [])
      b.unreachable()
    }
    let calls = [("divide(7, 0)", "register"), ("divide_by_zero(7)", "immediate"), ("(trap_directly(), 0)", "call")]
    for (call, label) in calls {
      let harness = """
        #include <stdio.h>
        #include <stdlib.h>
        #include <stdint.h>
        int64_t divide(int64_t, int64_t); int64_t divide_by_zero(int64_t); void trap_directly(void);
        void mojo_rt_trap_div_zero(void) { printf("trap: division by zero\\n"); fflush(stdout); exit(3); }
        int main(void) {
          printf("%lld\\n", (long long)divide(-7, 2));
          fflush(stdout);
          printf("%lld\\n", (long long)\(call));
          return 0;
        }
        """
      let run = try NativeProgram.run(module, level: level, harness: harness)
      #expect(run == ProgramRun(output: "-3\ntrap: division by zero\n", status: 3), "\(label)")
    }
  }
}
