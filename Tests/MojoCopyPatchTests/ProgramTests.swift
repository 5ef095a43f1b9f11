//! Whole programs built by hand with FunctionBuilder: recursion, loops over mutable values, calls
//! with mixed integer/float arguments and immediates, calls across two modules and into C, i1
//! across the C boundary, data objects with `addr`, loads and stores. Linked with bfd and lld.
import MojoCodegen
import MojoCopyPatch
import MojoIR
import Testing

/// Module A: factorial, a loop, mixed-argument calls, a local helper, calls into module B and C.
func makeModuleA() -> IRModule {
  var m = IRModule(name: "a")
  let bInc = m.declare("b_inc", parameters: [.i64], returns: .i64)
  let cAdd3 = m.declare("c_add3", parameters: [.i64, .i64, .i64], returns: .i64)
  let cIsEven = m.declare("c_is_even", parameters: [.i64], returns: .i1)
  let mixRef = FunctionRef(m.functions.count)
  define(&m, "mix", [.i64, .f64, .i64, .f64], .f64) { b in
    let x = b.op(.fmul, .value(b.op(.sitofp, .value(b.parameter(0)))), .value(b.parameter(1)))
    let y = b.op(.fmul, .value(b.op(.sitofp, .value(b.parameter(2)))), .value(b.parameter(3)))
    b.ret(.value(b.op(.fadd, .value(x), .value(y))))
  }
  let factRef = FunctionRef(m.functions.count)
  define(&m, "fact", [.i64], .i64) { b in
    let base = b.makeBlock(), recurse = b.makeBlock()
    b.branch(if: .value(b.op(.ile, .value(b.parameter(0)), .int(1))), then: base, else: recurse)
    b.switchTo(base)
    b.ret(.int(1))
    b.switchTo(recurse)
    let r = b.call(factRef, returning: .i64, [.value(b.op(.isub, .value(b.parameter(0)), .int(1)))])!
    b.ret(.value(b.op(.imul, .value(b.parameter(0)), .value(r))))
  }
  // sum_to(n): s = 0; i = 0; while i < n { s += i; i += 1 }; the loop exit is built first.
  define(&m, "sum_to", [.i64], .i64) { b in
    let s = b.makeValue(.i64), i = b.makeValue(.i64)
    b.copy(.int(0), to: s)
    b.copy(.int(0), to: i)
    let head = b.makeBlock(), loop = b.makeBlock(), exit = b.makeBlock()
    b.branch(to: head)
    b.switchTo(exit)
    b.ret(.value(s))
    b.switchTo(head)
    b.branch(if: .value(b.op(.ilt, .value(i), .value(b.parameter(0)))), then: loop, else: exit)
    b.switchTo(loop)
    b.emit(.iadd, type: .i64, result: s, [.value(s), .value(i)])
    b.emit(.iadd, type: .i64, result: i, [.value(i), .int(1)])
    b.branch(to: head)
  }
  let helper = FunctionRef(m.functions.count)
  define(&m, "a_helper", [.i64], .i64, linkage: .local) { b in
    b.ret(.value(b.call(bInc, returning: .i64, [.value(b.call(bInc, returning: .i64, [.value(b.parameter(0))])!)])!))
  }
  // calls(x) = mix(x, 0.5, 3, 2.0) as int + helper(x) + c_add3(x, 10, 100) + (c_is_even(x) ? 1000 : 0) + fact(5)
  define(&m, "calls", [.i64], .i64) { b in
    let mixed = b.op(.fptosi, .value(b.call(mixRef, returning: .f64, [.value(b.parameter(0)), .float(0.5), .int(3), .float(2.0)])!))
    let h = b.call(helper, returning: .i64, [.value(b.parameter(0))])!
    let c = b.call(cAdd3, returning: .i64, [.value(b.parameter(0)), .int(10), .int(100)])!
    let even = b.call(cIsEven, returning: .i1, [.value(b.parameter(0))])!
    let f = b.call(factRef, returning: .i64, [.int(5)])!
    let total = b.makeValue(.i64)
    b.emit(.iadd, type: .i64, result: total, [.value(b.op(.iadd, .value(mixed), .value(h))), .value(c)])
    b.emit(.iadd, type: .i64, result: total, [.value(total), .value(f)])
    let yes = b.makeBlock(), done = b.makeBlock()
    b.branch(if: .value(even), then: yes, else: done)
    b.switchTo(yes)
    b.emit(.iadd, type: .i64, result: total, [.value(total), .int(1000)])
    b.branch(to: done)
    b.switchTo(done)
    b.ret(.value(total))
  }
  // An i1 parameter arrives from C with garbage above bit 0.
  define(&m, "is_set", [.i1], .i64) { b in b.ret(.value(b.op(.zext, .value(b.parameter(0))))) }
  return m
}

/// Module B: `b_inc`, a call back into A, and a string data object read with addr + load.
func makeModuleB() -> IRModule {
  var m = IRModule(name: "b")
  let fact = m.declare("fact", parameters: [.i64], returns: .i64)
  let text = Array("hello, stencils".utf8)
  var blob = withUnsafeBytes(of: Int64(text.count).littleEndian, Array.init)
  blob += text
  _ = m.addData([1, 2, 3])  // a first object, so the string's offset is not 0
  let hello = m.addData(blob)
  define(&m, "b_inc", [.i64], .i64) { b in b.ret(.value(b.op(.iadd, .value(b.parameter(0)), .int(1)))) }
  define(&m, "b_fact_plus", [.i64], .i64) { b in
    b.ret(.value(b.op(.iadd, .value(b.call(fact, returning: .i64, [.value(b.parameter(0))])!), .int(7))))
  }
  define(&m, "b_string", [], .ptr) { b in b.ret(.value(b.address(of: hello))) }
  define(&m, "b_string_length", [], .i64) { b in b.ret(.value(b.load(.i64, from: .value(b.address(of: hello)), offset: 0))) }
  // poke(p): p[1] = 42 (i64 at offset 8); p[16] = true (i1); returns p[1] + load i1 p[16].
  define(&m, "b_poke", [.ptr], .i64) { b in
    b.store(.i64, .int(42), to: .value(b.parameter(0)), offset: 8)
    b.store(.i1, .int(1), to: .value(b.parameter(0)), offset: 16)
    let v = b.makeValue(.i64)
    b.copy(.int(-5), to: v)
    b.store(.i64, .value(v), to: .value(b.parameter(0)), offset: 24)
    let flag = b.load(.i1, from: .value(b.parameter(0)), offset: 16)
    let x = b.load(.i64, from: .value(b.parameter(0)), offset: 8)
    b.ret(.value(b.op(.iadd, .value(x), .value(b.op(.zext, .value(flag))))))
  }
  return m
}

/// Swift reference for `calls(x)`.
func callsReference(_ x: Int64) -> Int64 {
  let mixed = Int64(Double(x) * 0.5 + 3 * 2.0)
  return mixed + (x + 2) + (x + 110) + 120 + (x % 2 == 0 ? 1000 : 0)
}

@Test(arguments: Linker.allCases)
func programsAcrossTwoModulesRun(linker: Linker) throws {
  let harness = harnessPrelude + """
    int64_t fact(int64_t); int64_t sum_to(int64_t); int64_t calls(int64_t); double mix(int64_t, double, int64_t, double);
    int64_t is_set(int64_t); int64_t b_fact_plus(int64_t); const char *b_string(void); int64_t b_string_length(void);
    int64_t b_poke(int64_t *);
    int64_t c_add3(int64_t a, int64_t b, int64_t c) { return a + b + c; }
    _Bool c_is_even(int64_t x) { return x % 2 == 0; }
    int main(void) {
      for (int64_t n = 0; n <= 20; n += 5) printf("fact %lld %lld\\n", (long long)n, (long long)fact(n));
      for (int64_t n = 0; n <= 1000; n += 250) printf("sum %lld %lld\\n", (long long)n, (long long)sum_to(n));
      printf("mix %.3f\\n", mix(3, 1.5, -2, 0.25));
      for (int64_t x = -3; x <= 4; x++) printf("calls %lld %lld\\n", (long long)x, (long long)calls(x));
      printf("is_set %lld %lld\\n", (long long)is_set(0x100), (long long)is_set(0x301));
      printf("b_fact_plus %lld\\n", (long long)b_fact_plus(6));
      const char *s = b_string(); int64_t length; memcpy(&length, s, 8);
      printf("string %lld %.*s %lld\\n", (long long)length, (int)length, s + 8, (long long)b_string_length());
      int64_t buffer[4] = {0, 0, 0, 0};
      int64_t poked = b_poke(buffer);
      printf("poke %lld %lld %lld %lld\\n", (long long)poked, (long long)buffer[1], (long long)(buffer[2] & 0xff), (long long)buffer[3]);
      return 0;
    }
    """
  var expected = ""
  func fact(_ n: Int64) -> Int64 { n <= 1 ? 1 : n &* fact(n - 1) }
  for n in stride(from: Int64(0), through: 20, by: 5) { expected += "fact \(n) \(fact(n))\n" }
  for n in stride(from: Int64(0), through: 1000, by: 250) { expected += "sum \(n) \((0..<n).reduce(0, +))\n" }
  expected += "mix \(String(format: "%.3f", 3 * 1.5 + -2 * 0.25))\n"
  for x in Int64(-3)...4 { expected += "calls \(x) \(callsReference(x))\n" }
  expected += "is_set 0 1\n"
  expected += "b_fact_plus \(fact(6) + 7)\n"
  expected += "string 15 hello, stencils 15\n"
  expected += "poke 43 42 1 -5\n"

  let run = try NativeProgram.run([makeModuleA(), makeModuleB()], harness: harness, linker: linker)
  #expect(run.status == 0, "\(run.stderr)")
  #expect(run.stdout == expected)
}

@Test(arguments: Linker.allCases)
func argumentsBeyondTheRegistersWork(linker: Linker) throws {
  var m = IRModule(name: "many")
  // 13 integers and 11 floats, interleaved: 7 integers and 3 floats go on the stack.
  let types: [IRType] = (0..<24).map { $0 % 2 == 1 && $0 < 22 ? .f64 : .i64 }
  let cMany = m.declare("c_many", parameters: types, returns: .f64)
  // score(args) = sum (k + 1) * arg_k, in f64.
  let score = define(&m, "score", types, .f64) { b in
    var total = b.op(.sitofp, .int(0))
    for (k, type) in types.enumerated() {
      let value = type == .f64 ? b.parameter(k) : b.op(.sitofp, .value(b.parameter(k)))
      total = b.op(.fadd, .value(total), .value(b.op(.fmul, .value(value), .float(Double(k + 1)))))
    }
    b.ret(.value(total))
  }
  // relay(a) = c_many(a, 0.5, 2, 1.5, ...) + score(same with a as the last integer), immediates and values mixed.
  define(&m, "relay", [.i64], .f64) { b in
    let args: [Operand] = types.enumerated().map { k, type in
      if k == 0 || k == 23 { return .value(b.parameter(0)) }
      return type == .f64 ? .float(Double(k) + 0.5) : .int(Int64(k))
    }
    let first = b.call(cMany, returning: .f64, args)!
    let second = b.call(score, returning: .f64, args)!
    b.ret(.value(b.op(.fadd, .value(first), .value(second))))
  }
  let parameters = types.enumerated().map { $1 == .f64 ? "double a\($0)" : "int64_t a\($0)" }.joined(separator: ", ")
  let sum = types.indices.map { "\($0 + 1) * (double)a\($0)" }.joined(separator: " + ")
  let harness = harnessPrelude + """
    double score(\(parameters));
    double relay(int64_t);
    double c_many(\(parameters)) { return \(sum); }
    int main(void) {
      printf("%.2f %.2f %.2f\\n", score(\(types.indices.map { types[$0] == .f64 ? "\($0).25" : "\($0)" }.joined(separator: ", "))),
             relay(3), relay(-7));
      return 0;
    }
    """
  func reference(_ values: [Double]) -> Double { values.enumerated().reduce(0.0) { $0 + Double($1.offset + 1) * $1.element } }
  func relayReference(_ a: Int64) -> Double {
    let values = types.indices.map { k -> Double in
      if k == 0 || k == 23 { return Double(a) }
      return types[k] == .f64 ? Double(k) + 0.5 : Double(k)
    }
    return reference(values) * 2
  }
  let expected = String(format: "%.2f %.2f %.2f\n", reference(types.indices.map { types[$0] == .f64 ? Double($0) + 0.25 : Double($0) }),
                        relayReference(3), relayReference(-7))
  let run = try NativeProgram.run([m], harness: harness, linker: linker)
  #expect(run.status == 0, "\(run.stderr)")
  #expect(run.stdout == expected)
}

@Test(arguments: Linker.allCases)
func stackPassedArgumentsWork(linker: Linker) throws {
  var m = IRModule(name: "wide")
  let cWide = m.declare("c_wide", parameters: [IRType](repeating: .i64, count: 10) + [.f64, .f64], returns: .i64)
  // weigh(i0..i7, x) = sum (k+1) * ik + x, computed in f64.
  let weigh = define(&m, "weigh", [IRType](repeating: .i64, count: 8) + [.f64], .f64) { b in
    var total = b.op(.sitofp, .int(0))
    for k in 0..<8 {
      let term = b.op(.sitofp, .value(b.op(.imul, .value(b.parameter(k)), .int(Int64(k + 1)))))
      total = b.op(.fadd, .value(total), .value(term))
    }
    b.ret(.value(b.op(.fadd, .value(total), .value(b.parameter(8)))))
  }
  // relay(a) = c_wide(a, 1..9, 0.5, a as f64) + weigh(a, 2, 3, 4, 5, 6, 7, 8, 0.25) as int
  define(&m, "relay", [.i64], .i64) { b in
    let wide = b.call(cWide, returning: .i64, [.value(b.parameter(0))] + (1...9).map { .int(Int64($0)) }
                      + [.float(0.5), .value(b.op(.sitofp, .value(b.parameter(0))))])!
    let weighed = b.call(weigh, returning: .f64, [.value(b.parameter(0))] + (2...8).map { .int(Int64($0)) } + [.float(0.25)])!
    b.ret(.value(b.op(.iadd, .value(wide), .value(b.op(.fptosi, .value(weighed))))))
  }
  let harness = harnessPrelude + """
    double weigh(int64_t, int64_t, int64_t, int64_t, int64_t, int64_t, int64_t, int64_t, double);
    int64_t relay(int64_t);
    int64_t c_wide(int64_t a, int64_t b, int64_t c, int64_t d, int64_t e, int64_t f, int64_t g, int64_t h,
                   int64_t i, int64_t j, double x, double y) {
      return a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f + 7 * g + 8 * h + 9 * i + 10 * j + (int64_t)(100 * x) + (int64_t)y;
    }
    int main(void) {
      printf("%.2f\\n", weigh(1, 2, 3, 4, 5, 6, 7, -8, 0.75));
      printf("%lld %lld\\n", (long long)relay(0), (long long)relay(-3));
      return 0;
    }
    """
  func weighReference(_ i: [Int64], _ x: Double) -> Double {
    i.enumerated().reduce(0.0) { $0 + Double($1.element * Int64($1.offset + 1)) } + x
  }
  func relayReference(_ a: Int64) -> Int64 {
    let wide = ([a] + Array(1...9)).enumerated().reduce(Int64(0)) { $0 + Int64($1.offset + 1) * $1.element } + 50 + a
    return wide + Int64(weighReference([a] + Array(2...8), 0.25))
  }
  let expected = String(format: "%.2f\n", weighReference([1, 2, 3, 4, 5, 6, 7, -8], 0.75))
    + "\(relayReference(0)) \(relayReference(-3))\n"
  let run = try NativeProgram.run([m], harness: harness, linker: linker)
  #expect(run.status == 0, "\(run.stderr)")
  #expect(run.stdout == expected)
}
