//! End-to-end tests of control flow and calls: recursion, loops over reassigned values, calls
//! between defined, local and external functions, `i1` across calls.

import MojoCodegen
import MojoIR
import Testing

@Suite struct ControlFlowTests {
  /// `fact(n) = n <= 1 ? 1 : n * fact(n - 1)` (local helper), and `sum(n) = 1 + ... + n` as a
  /// loop whose accumulator and counter are assigned in several blocks.
  static func arithmeticModule() -> IRModule {
    var module = IRModule(name: "tests.control")
    let fact = FunctionRef(0)
    module.define("fact_local", [.i64], .i64, linkage: .local) { b in
      let base = b.makeBlock(), recurse = b.makeBlock()
      b.branch(if: v(b.op(.ile, v(b.parameter(0)), .int(1))), then: base, else: recurse)
      b.switchTo(base)
      b.ret(.int(1))
      b.switchTo(recurse)
      let smaller = b.op(.isub, v(b.parameter(0)), .int(1))
      let rest = b.call(fact, returning: .i64, [v(smaller)])!
      b.ret(v(b.op(.imul, v(b.parameter(0)), v(rest))))
    }
    module.define("fact", [.i64], .i64) { b in
      b.ret(v(b.call(fact, returning: .i64, [v(b.parameter(0))])!))
    }
    module.define("sum_to", [.i64], .i64) { b in
      let total = b.makeValue(.i64), counter = b.makeValue(.i64)
      let header = b.makeBlock(), body = b.makeBlock(), exit = b.makeBlock()
      b.copy(.int(0), to: total)
      b.copy(.int(1), to: counter)
      b.branch(to: header)
      b.switchTo(header)
      b.branch(if: v(b.op(.ile, v(counter), v(b.parameter(0)))), then: body, else: exit)
      b.switchTo(body)
      b.emit(.iadd, type: .i64, result: total, [v(total), v(counter)])
      b.emit(.iadd, type: .i64, result: counter, [v(counter), .int(1)])
      b.branch(to: header)
      b.switchTo(exit)
      b.ret(v(total))
    }
    // Parameters reassigned in place: gcd(a, b) by repeated remainder.
    module.define("gcd", [.i64, .i64], .i64) { b in
      let header = b.makeBlock(), body = b.makeBlock(), exit = b.makeBlock()
      b.branch(to: header)
      b.switchTo(header)
      b.branch(if: v(b.op(.ine, v(b.parameter(1)), .int(0))), then: body, else: exit)
      b.switchTo(body)
      let remainder = b.op(.imod, v(b.parameter(0)), v(b.parameter(1)))
      b.copy(v(b.parameter(1)), to: b.parameter(0))
      b.copy(v(remainder), to: b.parameter(1))
      b.branch(to: header)
      b.switchTo(exit)
      b.ret(v(b.parameter(0)))
    }
    return module
  }

  @Test(arguments: [OptimizationLevel.o0, .o1, .o2, .o3])
  func recursionLoopsAndReassignedParameters(level: OptimizationLevel) throws {
    let harness = """
      #include <stdio.h>
      #include <stdint.h>
      int64_t fact(int64_t); int64_t sum_to(int64_t); int64_t gcd(int64_t, int64_t);
      int main(void) {
        printf("%lld %lld %lld\\n", (long long)fact(0), (long long)fact(5), (long long)fact(20));
        printf("%lld %lld %lld\\n", (long long)sum_to(0), (long long)sum_to(100), (long long)sum_to(100000));
        printf("%lld %lld\\n", (long long)gcd(1071, 462), (long long)gcd(17, 0));
        return 0;
      }
      """
    let run = try NativeProgram.run(Self.arithmeticModule(), level: level, harness: harness)
    #expect(run == ProgramRun(output: "1 120 2432902008176640000\n0 5050 5000050000\n21 17\n", status: 0))
  }

  /// A module calling an external C function, passing `i1` between its own functions, and with
  /// a void function.
  @Test(arguments: [OptimizationLevel.o0, .o2])
  func callsAcrossFunctionsAndObjects(level: OptimizationLevel) throws {
    var module = IRModule(name: "tests.calls")
    let printValue = module.declare("harness_print", parameters: [.i64], returns: .void)
    let isEven = FunctionRef(1)
    module.define("is_even", [.i64], .i1, linkage: .local) { b in
      b.ret(v(b.op(.ieq, v(b.op(.iand, v(b.parameter(0)), .int(1))), .int(0))))
    }
    let choose = FunctionRef(2)
    module.define("choose", [.i1, .i64, .i64], .i64, linkage: .local) { b in
      let yes = b.makeBlock(), no = b.makeBlock()
      b.branch(if: v(b.parameter(0)), then: yes, else: no)
      b.switchTo(yes)
      b.ret(v(b.parameter(1)))
      b.switchTo(no)
      b.ret(v(b.parameter(2)))
    }
    module.define("report", [.i64], .void) { b in
      let even = b.call(isEven, returning: .i1, [v(b.parameter(0))])!
      let odd = b.op(.bnot, v(even))
      b.call(printValue, returning: .void, [v(b.call(choose, returning: .i64, [v(even), .int(100), .int(200)])!)])
      b.call(printValue, returning: .void, [v(b.call(choose, returning: .i64, [v(odd), .int(300), .int(400)])!)])
      b.call(printValue, returning: .void, [v(b.call(choose, returning: .i64, [.int(1), .int(7), .int(8)])!)])
      b.ret(nil)
    }
    let harness = """
      #include <stdio.h>
      #include <stdint.h>
      void harness_print(int64_t x) { printf("%lld\\n", (long long)x); }
      void report(int64_t);
      int main(void) { report(4); report(7); return 0; }
      """
    let run = try NativeProgram.run(module, level: level, harness: harness)
    #expect(run == ProgramRun(output: "100\n400\n7\n200\n300\n7\n", status: 0))
  }
}
