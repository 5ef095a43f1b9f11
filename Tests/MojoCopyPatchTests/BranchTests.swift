//! Conditional branches in every layout the selector distinguishes: a `condbr` fused with the
//! integer comparison before it (slot/slot and slot/immediate, true target next or not), a plain
//! `condbr` on a value, on an immediate, and a comparison result that is used again after the
//! branch. Each program sets one bit per comparison; Swift computes the expected bits.
import MojoCodegen
import MojoCopyPatch
import MojoIR
import Testing

let compareOps: [Opcode] = [.ieq, .ine, .ilt, .ile, .igt, .ige]

/// Swift's answer for an integer comparison.
func compareReference(_ op: Opcode, _ a: Int64, _ b: Int64) -> Bool {
  switch op {
  case .ieq: a == b
  case .ine: a != b
  case .ilt: a < b
  case .ile: a <= b
  case .igt: a > b
  default: a >= b
  }
}

/// `bits(a, b)`: for each comparison k (slot/slot, then slot/imm 3), bit k is set when it holds.
/// With `trueNext` the block setting the bit follows the branch; otherwise it is placed last.
func makeBranchFunction(_ m: inout IRModule, _ symbol: String, trueNext: Bool, ops: [Opcode] = compareOps,
                        type: IRType = .i64, immediate: Operand = .int(3)) {
  define(&m, symbol, [type, type], .i64) { b in
    let bits = b.makeValue(.i64)
    b.copy(.int(0), to: bits)
    var bit: Int64 = 1
    var lastCondition: ValueID?
    for op in ops {
      for rhs in [Operand.value(b.parameter(1)), immediate] {
        let c = b.op(op, .value(b.parameter(0)), rhs)
        lastCondition = c
        let setBit = b.makeBlock(), join = b.makeBlock()
        if trueNext {
          b.branch(if: .value(c), then: setBit, else: join)
          b.switchTo(setBit)
          b.emit(.ior, type: .i64, result: bits, [.value(bits), .int(bit)])
          b.branch(to: join)
        } else {
          let after = b.makeBlock()
          b.branch(if: .value(c), then: after, else: join)
          b.switchTo(join)
          b.branch(to: setBit)  // keeps the true target away from the branch
          b.switchTo(after)
          b.emit(.ior, type: .i64, result: bits, [.value(bits), .int(bit)])
          b.branch(to: setBit)
        }
        b.switchTo(trueNext ? join : setBit)
        bit <<= 1
      }
    }
    // The last comparison's value is read again after its branch; then a condbr on an immediate.
    b.emit(.iadd, type: .i64, result: bits, [.value(bits), .value(b.op(.ishl, .value(b.op(.zext, .value(lastCondition!))), .int(20)))])
    let yes = b.makeBlock(), no = b.makeBlock()
    b.branch(if: .int(1), then: yes, else: no)
    b.switchTo(no)
    b.ret(.int(-1))
    b.switchTo(yes)
    b.ret(.value(bits))
  }
}

@Test(arguments: Linker.allCases)
func fusedAndPlainBranchesTakeTheRightTarget(linker: Linker) throws {
  var m = IRModule(name: "branches")
  makeBranchFunction(&m, "bits_true_next", trueNext: true)
  makeBranchFunction(&m, "bits_true_later", trueNext: false)
  let floatOps: [Opcode] = [.feq, .fne, .flt, .fle, .fgt, .fge]
  makeBranchFunction(&m, "fbits_true_next", trueNext: true, ops: floatOps, type: .f64, immediate: .float(3))
  makeBranchFunction(&m, "fbits_true_later", trueNext: false, ops: floatOps, type: .f64, immediate: .float(3))
  // A plain condbr on a parameter (no comparison to fuse with).
  define(&m, "select_flag", [.i1, .i64, .i64], .i64) { b in
    let t = b.makeBlock(), e = b.makeBlock()
    b.branch(if: .value(b.parameter(0)), then: t, else: e)
    b.switchTo(e)
    b.ret(.value(b.parameter(2)))
    b.switchTo(t)
    b.ret(.value(b.parameter(1)))
  }
  let values: [Int64] = [.min, -1, 0, 2, 3, 4, .max]
  let harness = harnessPrelude + """
    int64_t bits_true_next(int64_t, int64_t); int64_t bits_true_later(int64_t, int64_t);
    int64_t select_flag(_Bool, int64_t, int64_t);
    int64_t fbits_true_next(double, double); int64_t fbits_true_later(double, double);
    static const double F[] = {-1.0 / 0.0, -2.0, 0.0, 3.0, 4.5, 0.0 / 0.0};
    static const int64_t V[] = {\(values.map(cInt).joined(separator: ", "))};
    int main(void) {
      for (int i = 0; i < \(values.count); i++) for (int j = 0; j < \(values.count); j++)
        printf("%lld %lld\\n", (long long)bits_true_next(V[i], V[j]), (long long)bits_true_later(V[i], V[j]));
      printf("%lld %lld\\n", (long long)select_flag(1, 10, 20), (long long)select_flag(0, 10, 20));
      for (int i = 0; i < 6; i++) for (int j = 0; j < 6; j++)
        printf("%lld %lld\\n", (long long)fbits_true_next(F[i], F[j]), (long long)fbits_true_later(F[i], F[j]));
      return 0;
    }
    """
  var expected = ""
  for a in values {
    for b in values {
      var bits: Int64 = 0, bit: Int64 = 1
      for op in compareOps {
        for rhs in [b, 3] {
          if compareReference(op, a, rhs) { bits |= bit }
          bit <<= 1
        }
      }
      bits += (a >= 3 ? 1 : 0) << 20
      expected += "\(bits) \(bits)\n"
    }
  }
  expected += "10 20\n"
  let floats: [Double] = [-.infinity, -2, 0, 3, 4.5, .nan]
  let floatReferences: [(Double, Double) -> Bool] = [{ $0 == $1 }, { $0 != $1 }, { $0 < $1 }, { $0 <= $1 }, { $0 > $1 }, { $0 >= $1 }]
  for a in floats {
    for b in floats {
      var bits: Int64 = 0, bit: Int64 = 1
      for op in floatReferences {
        for rhs in [b, 3] {
          if op(a, rhs) { bits |= bit }
          bit <<= 1
        }
      }
      bits += (a >= 3 ? 1 : 0) << 20
      expected += "\(bits) \(bits)\n"
    }
  }
  let run = try NativeProgram.run([m], harness: harness, linker: linker)
  #expect(run.status == 0, "\(run.stderr)")
  #expect(run.stdout == expected)
}
