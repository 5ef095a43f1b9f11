//! The register variants of the stencils: an operand produced by the instruction just before
//! (kept in `acc` / `facc`), a result kept in a register or written straight into the slot of a
//! following `copy`, and compare-and-branch on register operands, for every binary i64 and f64
//! opcode on edge values, compared with the Swift references of IntegerOpcodeTests and
//! FloatOpcodeTests.
import MojoCodegen
import MojoCopyPatch
import MojoIR
import Testing

/// Where the register operand sits and what the other operand is.
private enum Shape: CaseIterable {
  case registerSlot, slotRegister, registerImm, immRegister
}

/// Defines `name(a, b)` computing `op` with one operand passed through an identity instruction
/// first (so that it arrives in a register); `viaCopy` stores the result through a `copy`, and
/// `branch` turns a comparison into a two-way branch returning 1 or 0.
private func defineRegisterForm(_ module: inout IRModule, _ name: String, _ op: Opcode, _ shape: Shape, imm: Operand,
                                float: Bool, result: IRType, viaCopy: Bool, branch: Bool) {
  let t: IRType = float ? .f64 : .i64
  let parameters: [IRType] = shape == .registerImm || shape == .immRegister ? [t] : [t, t]
  define(&module, name, parameters, branch ? .i64 : result) { b in
    // a + 0 (or a + -0.0) is a itself and leaves it in the register for the next instruction.
    func identity(_ v: ValueID) -> Operand {
      .value(b.op(float ? .fadd : .iadd, .value(v), float ? .float(-0.0) : .int(0)))
    }
    let value: ValueID
    switch shape {
    case .registerSlot:
      let x = identity(b.parameter(0))
      value = b.op(op, x, .value(b.parameter(1)))
    case .slotRegister:
      let y = identity(b.parameter(1))
      value = b.op(op, .value(b.parameter(0)), y)
    case .registerImm: value = b.op(op, identity(b.parameter(0)), imm)
    case .immRegister: value = b.op(op, imm, identity(b.parameter(0)))
    }
    if branch {
      let yes = b.makeBlock(), no = b.makeBlock()
      b.branch(if: .value(value), then: yes, else: no)
      b.switchTo(yes)
      b.ret(.int(1))
      b.switchTo(no)
      b.ret(.int(0))
    } else if viaCopy {
      let copied = b.makeValue(result)
      b.copy(.value(value), to: copied)
      b.ret(.value(copied))
    } else {
      b.ret(.value(value))
    }
  }
}

@Test(arguments: Linker.allCases)
func registerOperandsMatchTheReference(linker: Linker) throws {
  var module = IRModule(name: "registers")
  var c = harnessPrelude + """
    static const int64_t V[] = {\(integerEdges.map(cInt).joined(separator: ", "))};
    static double F[\(floatEdges.count)];

    """
  var body = "uint64_t bits[] = {\(floatEdges.map { "0x\(String($0.bitPattern, radix: 16))ULL" }.joined(separator: ", "))};\n"
  body += "for (int i = 0; i < \(floatEdges.count); i++) memcpy(&F[i], &bits[i], 8);\n"
  var expected: [String] = []
  let comparisons: Set<Opcode> = [.ieq, .ine, .ilt, .ile, .igt, .ige, .feq, .fne, .flt, .fle, .fgt, .fge]
  let floatOps: [Opcode] = [.fadd, .fsub, .fmul, .fdiv, .feq, .fne, .flt, .fle, .fgt, .fge]
  for (float, ops) in [(false, binaryIntegerOps), (true, floatOps)] {
    let edges = float ? "F" : "V"
    let count = float ? floatEdges.count : integerEdges.count
    let cType = float ? "double" : "int64_t"
    for op in ops {
      let isComparison = comparisons.contains(op)
      let result: IRType = isComparison ? .i1 : (float ? .f64 : .i64)
      let immValue: Double = 7, immInt: Int64 = -2
      let imm: Operand = float ? .float(immValue) : .int(immInt)
      let forms: [(String, Bool, Bool)] = [("r", false, false), ("c", true, false)] + (isComparison ? [("b", false, true)] : [])
      for shape in Shape.allCases {
        for (tag, viaCopy, branch) in forms {
          let name = "\(op.name)_\(shape)_\(tag)"
          defineRegisterForm(&module, name, op, shape, imm: imm, float: float, result: result, viaCopy: viaCopy, branch: branch)
          let returnType = branch || result != .f64 ? (result == .i1 && !branch ? "_Bool" : "int64_t") : "double"
          let two = shape == .registerSlot || shape == .slotRegister
          c += "\(returnType) \(name)(\(cType)\(two ? ", \(cType)" : ""));\n"
          let print = result == .f64 && !branch ? "print_f64(%@)" : "printf(\"%lld\\n\", (long long)%@)"
          func emitCall(_ arguments: String) -> String { print.replacingOccurrences(of: "%@", with: "\(name)(\(arguments))") }
          func record(_ a: Double, _ b: Double) {
            let r = floatReference(op, a, b)
            expected.append(result == .f64 ? f64Line(r) : "\(Int64(r))")
          }
          if two {
            let guardZero = !float && op == .idiv ? "if (\(edges)[j] != 0) " : ""
            body += "for (int i = 0; i < \(count); i++) for (int j = 0; j < \(count); j++) \(guardZero)\(emitCall("\(edges)[i], \(edges)[j]"));\n"
            if float {
              for a in floatEdges { for b in floatEdges { record(a, b) } }
            } else {
              for a in integerEdges { for b in integerEdges where op != .idiv || b != 0 { expected.append("\(integerReference(op, a, b)!)") } }
            }
          } else {
            let immFirst = shape == .immRegister
            let guardZero = !float && op == .idiv && immFirst ? "if (\(edges)[i] != 0) " : ""
            body += "for (int i = 0; i < \(count); i++) \(guardZero)\(emitCall("\(edges)[i]"));\n"
            if float {
              for a in floatEdges { immFirst ? record(immValue, a) : record(a, immValue) }
            } else {
              for a in integerEdges where !(op == .idiv && immFirst && a == 0) {
                expected.append("\(integerReference(op, immFirst ? immInt : a, immFirst ? a : immInt)!)")
              }
            }
          }
        }
      }
    }
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
