//! Every `f64` opcode and the conversions, on signed zeros, infinities, NaN, subnormals and
//! values near the `i64` limits, compared bit for bit with Swift's IEEE-754 arithmetic.

import MojoCodegen
import MojoIR
import Testing

@Suite struct FloatOpcodeTests {
  static let edgeValues: [Double] = [
    0.0, -0.0, 1.5, -2.25, 3.0, 0.1, 1e308, .leastNonzeroMagnitude, .infinity, -.infinity, .nan,
    9.2233720368547758e18, -9.2233720368547758e18, -2.7,
  ]
  static let binaryOpcodes: [Opcode] = [.fadd, .fsub, .fmul, .fdiv, .feq, .fne, .flt, .fle, .fgt, .fge]

  /// Text the harness prints for a double: "nan" for any NaN (payloads differ between hardware
  /// and constant folding), otherwise the 16 hex digits of the bit pattern.
  static func text(_ x: Double) -> String {
    if x.isNaN { return "nan" }
    let hex = String(x.bitPattern, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }

  /// The documented result of a binary opcode, as harness text.
  static func reference(_ opcode: Opcode, _ a: Double, _ b: Double) -> String {
    switch opcode {
    case .fadd: text(a + b)
    case .fsub: text(a - b)
    case .fmul: text(a * b)
    case .fdiv: text(a / b)
    case .feq: a == b ? "1" : "0"
    case .fne: a != b ? "1" : "0"  // true when either is NaN
    case .flt: a < b ? "1" : "0"
    case .fle: a <= b ? "1" : "0"
    case .fgt: a > b ? "1" : "0"
    case .fge: a >= b ? "1" : "0"
    default: "?"
    }
  }

  /// `fptosi`: truncation, saturating at the limits, NaN to 0.
  static func saturatingTruncation(_ x: Double) -> Int64 {
    if x.isNaN { return 0 }
    if x >= 9.2233720368547758e18 { return .max }
    if x <= -9.2233720368547758e18 { return .min }
    return Int64(x.rounded(.towardZero))
  }

  /// C helpers: `show` prints a double as `text(_:)` does; `BINARY(f, print)` prints
  /// `f i j <result>` for every pair of edge values (by index), `UNARY(f, print)` prints `f i <result>`.
  static let harnessPrelude = """
    #include <stdio.h>
    #include <stdint.h>
    #include <string.h>
    #include <math.h>
    static void show(double x) {
      if (isnan(x)) { printf("nan"); return; }
      uint64_t bits; memcpy(&bits, &x, 8); printf("%016llx", (unsigned long long)bits);
    }
    static void show_int(int64_t x) { printf("%lld", (long long)x); }
    #define BINARY(f, print) for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) \\
      { printf(#f " %d %d ", i, j); print(f(v[i], v[j])); printf("\\n"); }
    #define UNARY(f, print) for (int i = 0; i < n; i++) { printf(#f " %d ", i); print(f(v[i])); printf("\\n"); }

    """

  /// The edge values as C expressions.
  static var cValues: String {
    edgeValues.map { $0.isNaN ? "NAN" : $0.isInfinite ? ($0 < 0 ? "-INFINITY" : "INFINITY") : "\($0)" }
      .joined(separator: ", ")
  }

  @Test(arguments: [OptimizationLevel.o0, .o2])
  func floatOpcodesOnEdgeValues(level: OptimizationLevel) throws {
    var module = IRModule(name: "tests.floats")
    var harness = Self.harnessPrelude + "static const double v[] = {\(Self.cValues)};\n"
    harness += "static const int n = sizeof v / sizeof v[0];\n"
    var body = ""
    var expected = ""
    for opcode in Self.binaryOpcodes {
      let name = "op_\(opcode.name)"
      let isComparison = opcode.shape == .binary(operand: .f64, result: .i1)
      module.define(name, [.f64, .f64], isComparison ? .i64 : .f64) { b in
        let result = b.op(opcode, v(b.parameter(0)), v(b.parameter(1)))
        b.ret(v(isComparison ? b.op(.zext, v(result)) : result))
      }
      harness += "\(isComparison ? "int64_t" : "double") \(name)(double, double);\n"
      body += "  BINARY(\(name), \(isComparison ? "show_int" : "show"))\n"
      for (i, a) in Self.edgeValues.enumerated() {
        for (j, b) in Self.edgeValues.enumerated() { expected += "\(name) \(i) \(j) \(Self.reference(opcode, a, b))\n" }
      }
    }
    for opcode in [Opcode.fneg, .fsqrt] {
      let name = "op_\(opcode.name)"
      module.define(name, [.f64], .f64) { b in b.ret(v(b.op(opcode, v(b.parameter(0))))) }
      harness += "double \(name)(double);\n"
      body += "  UNARY(\(name), show)\n"
      for (i, a) in Self.edgeValues.enumerated() {
        expected += "\(name) \(i) \(Self.text(opcode == .fneg ? -a : a.squareRoot()))\n"
      }
    }
    module.define("op_fptosi", [.f64], .i64) { b in b.ret(v(b.op(.fptosi, v(b.parameter(0))))) }
    harness += "int64_t op_fptosi(double);\n"
    body += "  UNARY(op_fptosi, show_int)\n"
    for (i, a) in Self.edgeValues.enumerated() { expected += "op_fptosi \(i) \(Self.saturatingTruncation(a))\n" }
    // a * b + c stays two roundings: 0.1 * 10 rounds to 1.0, so the sum is exactly 0 (fused: 5.55e-17).
    module.define("multiply_add", [.f64, .f64, .f64], .f64) { b in
      b.ret(v(b.op(.fadd, v(b.op(.fmul, v(b.parameter(0)), v(b.parameter(1)))), v(b.parameter(2)))))
    }
    harness += "double multiply_add(double, double, double);\n"
    body += "  printf(\"fma \"); show(multiply_add(0.1, 10.0, -1.0)); printf(\"\\n\");\n"
    expected += "fma \(Self.text(0.0))\n"
    harness += "int main(void) {\n\(body)  return 0;\n}\n"
    let run = try NativeProgram.run(module, level: level, harness: harness)
    #expect(run.status == 0)
    #expect(run.output == expected)
  }

  /// `sitofp` rounds to nearest even (2^53 + 1 is not representable), and float immediates keep
  /// their exact bits (-0.0).
  @Test(arguments: [OptimizationLevel.o0, .o2])
  func conversionsAndImmediates(level: OptimizationLevel) throws {
    var module = IRModule(name: "tests.conversions")
    module.define("to_double", [.i64], .f64) { b in b.ret(v(b.op(.sitofp, v(b.parameter(0))))) }
    module.define("negative_zero", [], .f64) { b in
      let slot = b.makeValue(.f64)
      b.copy(.float(-0.0), to: slot)
      b.ret(v(slot))
    }
    let inputs: [Int64] = [.min, -1, 0, 1, (1 << 53) + 1, (1 << 53) + 3, .max]
    let harness = Self.harnessPrelude + """
      double to_double(int64_t); double negative_zero(void);
      int main(void) {
        int64_t v[] = {\(inputs.map { $0 == .min ? "INT64_MIN" : "\($0)LL" }.joined(separator: ", "))};
        for (int i = 0; i < 7; i++) { show(to_double(v[i])); printf("\\n"); }
        show(negative_zero()); printf("\\n");
        return 0;
      }
      """
    let expected = inputs.map { Self.text(Double($0)) + "\n" }.joined() + Self.text(-0.0) + "\n"
    let run = try NativeProgram.run(module, level: level, harness: harness)
    #expect(run == ProgramRun(output: expected, status: 0))
  }
}
