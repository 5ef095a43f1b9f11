//! Every f64 opcode, the i1 opcodes and the conversions, in every operand variant, on edge values
//! (signed zeros, infinities, NaN, subnormals, the i64 limits), compared with Swift's IEEE-754
//! arithmetic and a Swift reference of the saturating `fptosi`.
import MojoCodegen
import MojoCopyPatch
import MojoIR
import Testing

let floatEdges: [Double] = [0, -0.0, 1, -1.5, 2.5, 3, 1e300, -1e300, .infinity, -.infinity, .nan,
                            0x1p63, -0x1p63, 0x1.fffffffffffffp62, 5e-324, -7.25e-3]

/// Swift reference of the IR's float semantics (comparisons give 0 or 1 as a Double).
func floatReference(_ op: Opcode, _ a: Double, _ b: Double) -> Double {
  switch op {
  case .fadd: a + b
  case .fsub: a - b
  case .fmul: a * b
  case .fdiv: a / b
  case .feq: a == b ? 1 : 0
  case .fne: a != b ? 1 : 0
  case .flt: a < b ? 1 : 0
  case .fle: a <= b ? 1 : 0
  case .fgt: a > b ? 1 : 0
  case .fge: a >= b ? 1 : 0
  case .fneg: -a
  case .fsqrt: a.squareRoot()
  default: preconditionFailure("not a float opcode: \(op.name)")
  }
}

/// `fptosi`: truncation toward zero, saturating, NaN to 0.
func saturatingInt(_ x: Double) -> Int64 {
  if x.isNaN { return 0 }
  if x >= 0x1p63 { return .max }
  if x <= -0x1p63 { return .min }
  return Int64(x)
}

/// C source for a double given by its bits.
func cDouble(_ x: Double) -> String { "D(0x\(String(x.bitPattern, radix: 16))ULL)" }

@Test(arguments: Linker.allCases)
func floatOpcodesMatchTheReference(linker: Linker) throws {
  var module = IRModule(name: "floats")
  var c = harnessPrelude + """
    static double D(uint64_t bits) { double x; memcpy(&x, &bits, 8); return x; }
    static double V[\(floatEdges.count)];
    static const int64_t I[] = {\(integerEdges.map(cInt).joined(separator: ", "))};

    """
  var body = "uint64_t bits[] = {\(floatEdges.map { "0x\(String($0.bitPattern, radix: 16))ULL" }.joined(separator: ", "))};\n"
  body += "for (int i = 0; i < \(floatEdges.count); i++) memcpy(&V[i], &bits[i], 8);\n"
  var expected: [String] = []
  let n = floatEdges.count

  let arithmetic: [Opcode] = [.fadd, .fsub, .fmul, .fdiv]
  let comparisons: [Opcode] = [.feq, .fne, .flt, .fle, .fgt, .fge]
  for op in arithmetic + comparisons {
    let isComparison = comparisons.contains(op)
    let r: IRType = isComparison ? .i1 : .f64
    let cType = isComparison ? "_Bool" : "double"
    func line(_ x: Double) -> String { isComparison ? (x == 1 ? "1" : "0") : f64Line(x) }
    let printer = isComparison ? "printf(\"%d\\n\", (int)" : "print_f64("
    define(&module, "\(op.name)_ss", [.f64, .f64], r) { b in b.ret(.value(b.op(op, .value(b.parameter(0)), .value(b.parameter(1))))) }
    c += "\(cType) \(op.name)_ss(double, double);\n"
    body += "for (int i = 0; i < \(n); i++) for (int j = 0; j < \(n); j++) \(printer)\(op.name)_ss(V[i], V[j]));\n"
    for a in floatEdges { for b in floatEdges { expected.append(line(floatReference(op, a, b))) } }
    for (k, imm) in floatEdges.enumerated() {
      define(&module, "\(op.name)_si\(k)", [.f64], r) { b in b.ret(.value(b.op(op, .value(b.parameter(0)), .float(imm)))) }
      define(&module, "\(op.name)_is\(k)", [.f64], r) { b in b.ret(.value(b.op(op, .float(imm), .value(b.parameter(0))))) }
      c += "\(cType) \(op.name)_si\(k)(double); \(cType) \(op.name)_is\(k)(double);\n"
      body += "for (int i = 0; i < \(n); i++) \(printer)\(op.name)_si\(k)(V[i]));\n"
      body += "for (int i = 0; i < \(n); i++) \(printer)\(op.name)_is\(k)(V[i]));\n"
      for a in floatEdges { expected.append(line(floatReference(op, a, imm))) }
      for b in floatEdges { expected.append(line(floatReference(op, imm, b))) }
    }
    define(&module, "\(op.name)_ii", [], r) { b in b.ret(.value(b.op(op, .float(-1.5), .float(0.25)))) }
    c += "\(cType) \(op.name)_ii(void);\n"
    body += "\(printer)\(op.name)_ii());\n"
    expected.append(line(floatReference(op, -1.5, 0.25)))
  }
  for op in [Opcode.fneg, .fsqrt] {
    define(&module, "\(op.name)_s", [.f64], .f64) { b in b.ret(.value(b.op(op, .value(b.parameter(0))))) }
    define(&module, "\(op.name)_i", [], .f64) { b in b.ret(.value(b.op(op, .float(2.0)))) }
    c += "double \(op.name)_s(double); double \(op.name)_i(void);\n"
    body += "for (int i = 0; i < \(n); i++) print_f64(\(op.name)_s(V[i]));\nprint_f64(\(op.name)_i());\n"
    for a in floatEdges { expected.append(f64Line(floatReference(op, a, 0))) }
    expected.append(f64Line(floatReference(op, 2.0, 0)))
  }
  define(&module, "to_int", [.f64], .i64) { b in b.ret(.value(b.op(.fptosi, .value(b.parameter(0))))) }
  define(&module, "to_float", [.i64], .f64) { b in b.ret(.value(b.op(.sitofp, .value(b.parameter(0))))) }
  c += "int64_t to_int(double); double to_float(int64_t);\n"
  body += "for (int i = 0; i < \(n); i++) printf(\"%lld\\n\", (long long)to_int(V[i]));\n"
  body += "for (int i = 0; i < \(integerEdges.count); i++) print_f64(to_float(I[i]));\n"
  expected += floatEdges.map { "\(saturatingInt($0))" }
  expected += integerEdges.map { f64Line(Double($0)) }

  // i1 operations through i64 wrappers: b(x) = (x != 0).
  for op in [Opcode.band, .bor, .bxor] {
    define(&module, "\(op.name)_w", [.i64, .i64], .i64) { b in
      let x = b.op(.ine, .value(b.parameter(0)), .int(0)), y = b.op(.ine, .value(b.parameter(1)), .int(0))
      let ss = b.op(op, .value(x), .value(y)), si = b.op(op, .value(x), .int(1)), ii = b.op(op, .int(1), .int(0))
      let s1 = b.op(.ishl, .value(b.op(.zext, .value(si))), .int(1))
      let s2 = b.op(.ishl, .value(b.op(.zext, .value(ii))), .int(2))
      b.ret(.value(b.op(.ior, .value(b.op(.ior, .value(b.op(.zext, .value(ss))), .value(s1))), .value(s2))))
    }
    c += "int64_t \(op.name)_w(int64_t, int64_t);\n"
    body += "for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) printf(\"%lld\\n\", (long long)\(op.name)_w(i, j));\n"
    let f: (Bool, Bool) -> Bool = op == .band ? { $0 && $1 } : op == .bor ? { $0 || $1 } : { $0 != $1 }
    for i in [false, true] { for j in [false, true] {
      expected.append("\((f(i, j) ? 1 : 0) | (f(i, true) ? 2 : 0) | (f(true, false) ? 4 : 0))")
    } }
  }
  define(&module, "bnot_w", [.i1], .i1) { b in b.ret(.value(b.op(.bnot, .value(b.parameter(0))))) }
  c += "_Bool bnot_w(_Bool);\n"
  body += "printf(\"%d %d\\n\", (int)bnot_w(0), (int)bnot_w(1));\n"
  expected.append("1 0")
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
