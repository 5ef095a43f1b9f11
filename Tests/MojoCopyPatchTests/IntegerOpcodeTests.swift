//! Every i64 opcode, in every operand variant (slot/slot, slot/imm, imm/slot, imm/imm), on edge
//! values, compiled by the copy-and-patch backend, linked with a C harness and compared with a
//! Swift reference of the semantics in Sources/MojoIR/Opcode.swift.
import MojoCodegen
import MojoCopyPatch
import MojoIR
import Testing

/// Edge values: the extremes, signs around zero, shift counts around 64.
let integerEdges: [Int64] = [.min, .min + 1, -7, -2, -1, 0, 1, 2, 3, 7, 63, 64, 65, .max]

/// Swift reference of the IR's integer semantics; nil for a trap.
func integerReference(_ op: Opcode, _ a: Int64, _ b: Int64) -> Int64? {
  func floorDiv() -> Int64 {
    if b == 0 { return 0 }
    if b == -1 { return 0 &- a }
    var q = a / b
    if a % b != 0 && ((a < 0) != (b < 0)) { q -= 1 }
    return q
  }
  func mod() -> Int64 {
    if b == 0 || b == -1 { return 0 }
    var r = a % b
    if r != 0 && ((r < 0) != (b < 0)) { r += b }
    return r
  }
  switch op {
  case .iadd: return a &+ b
  case .isub: return a &- b
  case .imul: return a &* b
  case .idiv: return b == 0 ? nil : (b == -1 ? 0 &- a : a / b)
  case .ifloordiv: return floorDiv()
  case .imod: return mod()
  case .iand: return a & b
  case .ior: return a | b
  case .ixor: return a ^ b
  case .ishl: return a &<< b
  case .ishr: return a &>> b
  case .ieq: return a == b ? 1 : 0
  case .ine: return a != b ? 1 : 0
  case .ilt: return a < b ? 1 : 0
  case .ile: return a <= b ? 1 : 0
  case .igt: return a > b ? 1 : 0
  case .ige: return a >= b ? 1 : 0
  case .ineg: return 0 &- a
  case .inot: return ~a
  default: preconditionFailure("not an integer opcode: \(op.name)")
  }
}

let binaryIntegerOps: [Opcode] = [.iadd, .isub, .imul, .idiv, .ifloordiv, .imod, .iand, .ior, .ixor, .ishl, .ishr,
                                  .ieq, .ine, .ilt, .ile, .igt, .ige]
/// Immediate pairs for the imm/imm form (the backend copies the first into a temporary).
let immediatePairs: [(Int64, Int64)] = [(.min, -1), (7, -2), (-7, 2), (5, 0), (1, 64), (-1, 65)]

/// C source for an i64 literal (MIN has no literal).
func cInt(_ x: Int64) -> String { x == .min ? "INT64_MIN" : "INT64_C(\(x))" }

@Test(arguments: Linker.allCases)
func integerOpcodesMatchTheReference(linker: Linker) throws {
  var module = IRModule(name: "ints")
  var c = harnessPrelude + "static const int64_t V[] = {\(integerEdges.map(cInt).joined(separator: ", "))};\n"
  var body = ""
  var expected: [String] = []
  func result(_ op: Opcode) -> IRType { op.shape == .binary(operand: .i64, result: .i1) ? .i1 : .i64 }
  func cType(_ op: Opcode) -> String { result(op) == .i1 ? "_Bool" : "int64_t" }

  for op in binaryIntegerOps {
    let r = result(op)
    define(&module, "\(op.name)_ss", [.i64, .i64], r) { b in b.ret(.value(b.op(op, .value(b.parameter(0)), .value(b.parameter(1))))) }
    c += "\(cType(op)) \(op.name)_ss(int64_t, int64_t);\n"
    body += "for (int i = 0; i < \(integerEdges.count); i++) for (int j = 0; j < \(integerEdges.count); j++)"
    body += " if (\(op == .idiv ? "V[j] != 0" : "1")) printf(\"%lld\\n\", (long long)\(op.name)_ss(V[i], V[j]));\n"
    for a in integerEdges { for b in integerEdges where op != .idiv || b != 0 { expected.append("\(integerReference(op, a, b)!)") } }

    for (k, imm) in integerEdges.enumerated() where op != .idiv || imm != 0 {
      define(&module, "\(op.name)_si\(k)", [.i64], r) { b in b.ret(.value(b.op(op, .value(b.parameter(0)), .int(imm)))) }
      define(&module, "\(op.name)_is\(k)", [.i64], r) { b in b.ret(.value(b.op(op, .int(imm), .value(b.parameter(0))))) }
      c += "\(cType(op)) \(op.name)_si\(k)(int64_t); \(cType(op)) \(op.name)_is\(k)(int64_t);\n"
      body += "for (int i = 0; i < \(integerEdges.count); i++) printf(\"%lld\\n\", (long long)\(op.name)_si\(k)(V[i]));\n"
      for a in integerEdges { expected.append("\(integerReference(op, a, imm)!)") }
      body += "for (int i = 0; i < \(integerEdges.count); i++)"
      body += " if (\(op == .idiv ? "V[i] != 0" : "1")) printf(\"%lld\\n\", (long long)\(op.name)_is\(k)(V[i]));\n"
      for b in integerEdges where op != .idiv || b != 0 { expected.append("\(integerReference(op, imm, b)!)") }
    }
    for (k, (x, y)) in immediatePairs.enumerated() where op != .idiv || y != 0 {
      define(&module, "\(op.name)_ii\(k)", [], r) { b in b.ret(.value(b.op(op, .int(x), .int(y)))) }
      c += "\(cType(op)) \(op.name)_ii\(k)(void);\n"
      body += "printf(\"%lld\\n\", (long long)\(op.name)_ii\(k)());\n"
      expected.append("\(integerReference(op, x, y)!)")
    }
  }
  for op in [Opcode.ineg, .inot] {
    define(&module, "\(op.name)_s", [.i64], .i64) { b in b.ret(.value(b.op(op, .value(b.parameter(0))))) }
    define(&module, "\(op.name)_i", [], .i64) { b in b.ret(.value(b.op(op, .int(.min)))) }
    c += "int64_t \(op.name)_s(int64_t); int64_t \(op.name)_i(void);\n"
    body += "for (int i = 0; i < \(integerEdges.count); i++) printf(\"%lld\\n\", (long long)\(op.name)_s(V[i]));\n"
    body += "printf(\"%lld\\n\", (long long)\(op.name)_i());\n"
    for a in integerEdges { expected.append("\(integerReference(op, a, 0)!)") }
    expected.append("\(integerReference(op, .min, 0)!)")
  }
  c += "int main(void) {\n" + body + "return 0;\n}\n"

  let run = try NativeProgram.run([module], harness: c, linker: linker)
  #expect(run.status == 0, "\(run.stderr)")
  let got = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
  #expect(got.count == expected.count)
  for (k, (g, e)) in zip(got, expected).enumerated() where g != e {
    Issue.record("line \(k): got \(g), expected \(e)")
    break
  }
}

@Test func divisionByZeroTraps() throws {
  var module = IRModule(name: "trap")
  define(&module, "divide", [.i64, .i64], .i64) { b in b.ret(.value(b.op(.idiv, .value(b.parameter(0)), .value(b.parameter(1))))) }
  define(&module, "divide_by_zero_imm", [.i64], .i64) { b in b.ret(.value(b.op(.idiv, .value(b.parameter(0)), .int(0)))) }
  let c = harnessPrelude + """
    int64_t divide(int64_t, int64_t); int64_t divide_by_zero_imm(int64_t);
    int main(int argc, char **argv) {
      printf("%lld\\n", (long long)divide(7, 2));
      fflush(stdout);
      if (argc > 5) divide_by_zero_imm(1);
      printf("%lld\\n", (long long)divide(7, argc - 1));
      return 0;
    }
    """
  let run = try NativeProgram.run([module], harness: c, linker: .lld)
  #expect(run.stdout == "3\n")
  #expect(run.status == 3)
  #expect(run.stderr.contains("division by zero"))
}
