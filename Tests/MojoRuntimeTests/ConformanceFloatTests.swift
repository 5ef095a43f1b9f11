//! Conformance cases 005 (Float64 arithmetic), 006 (printing), 007 (special values) and 009 (print
//! rounding) translated by hand to C calls into the runtime; the expected text is the four
//! expected.txt files, printed by the reference compiler. Literal-only expressions (folded exactly
//! by mojoc, §6.1) appear as their folded double, e.g. `0.1 * 3.0` as `0.3`; `rt(x)` stands for a
//! Mojo `var` (the C compiler cannot fold through it).

import Testing

/// The four programs, one C function each, run in order by `mojo_main`.
private let conformanceFloatProgram = #"""
static void S(const char *text) { mojo_rt_print_string(lit(text)); }
static void F(double x) { mojo_rt_print_float(x); }
static void I(int64_t x) { mojo_rt_print_int(x); }
static void B(int x) { mojo_rt_print_bool(x); }
static void SP(void) { S(" "); }
static void NL(void) { S("\n"); }
static double absf(double x) { uint64_t b; memcpy(&b, &x, 8); b &= ~(1ULL << 63); memcpy(&x, &b, 8); return x; }

static void row(double a, double b) {
  F(a); SP(); F(b); S(" | "); F(a + b); SP(); F(a - b); SP(); F(a * b); SP(); F(a / b); SP();
  F(mojo_rt_ffloordiv(a, b)); SP(); F(mojo_rt_fmod(a, b)); NL();
}
static void p(double x) { F(x); SP(); F(-x); NL(); }
static void show(double x) { F(x); NL(); }
static double powi(double x, int64_t n) { return mojo_rt_fpowi(x, n); }

static void case005(void) {
  S("a b | + - * / // %\n");
  row(7.0, 2.0); row(-7.0, 2.0); row(7.0, -2.0); row(-7.0, -2.0); row(5.5, 1.5); row(-5.5, 1.5);
  row(5.3, 2.0); row(-5.3, 2.0); row(0.1, 0.2); row(1.0, 3.0); row(2.5, 0.5); row(-1.0, 3.0);
  row(1.0, -3.0); row(10.0, 0.1); row(1e20, 3.0); row(0.0, 5.0); row(-0.0, 5.0);
  S("division by zero:\n");
  row(7.5, 0.0); row(-7.5, 0.0); row(0.0, 0.0); row(1.0, -0.0);
  S("powers:\n");
  double two = rt(2.0);
  F(powi(two, 10)); SP(); F(powi(two, -1)); SP(); F(powi(two, -3)); SP(); F(powi(two, 0)); SP();
  F(powi(-two, 3)); NL();
  F(powi(1.1, 7)); SP(); F(powi(1.1, 20)); SP(); F(powi(0.5, 5)); SP(); F(powi(-1.5, 4)); SP();
  F(powi(10.0, 22)); NL();
  F(powi(1.0001, 10000)); SP(); F(powi(0.9, 100)); SP(); F(powi(3.0, -2)); SP(); F(powi(10.0, -5));
  NL();
  double f = rt(1.5);
  f += 1; f *= 2.0; f /= 4; f -= 0.25;
  S("augmented: "); F(f); NL();
  f = rt(7.25); f = mojo_rt_ffloordiv(f, 2.0);
  S("7.25 //= 2.0 -> "); F(f); NL();
  f = rt(-7.25); f = mojo_rt_fmod(f, 2.0);
  S("-7.25 %= 2.0 -> "); F(f); NL();
  double x = rt(0.1), total = rt(0.0);
  for (int k = 0; k < 10; k++) total += x;
  S("sum of ten 0.1: "); F(total); SP(); B(total == 1.0); NL();
  double fi = (double)(int64_t)7;
  S("Float64(7) / 2 = "); F(fi / 2); S(" Int(7.9) = "); I((int64_t)rt(7.9));
  S(" Int(-7.9) = "); I((int64_t)rt(-7.9)); NL();
  S("Int(-0.5) = "); I((int64_t)rt(-0.5)); S(" Float64(2**53 + 1) = ");
  F((double)(volatile int64_t){9007199254740993LL}); NL();
  S("unary: "); F(-x); SP(); F(-(-x)); SP(); F(-total); NL();
  S("abs: "); F(absf(-2.5)); SP(); F(absf(2.5)); SP(); F(absf(-0.0)); NL();
  S("min/max: "); F(mojo_rt_fmin(1.5, -2.5)); SP(); F(mojo_rt_fmax(1.5, -2.5)); SP();
  F(mojo_rt_fmin(-0.0, 0.0)); SP(); F(mojo_rt_fmax(-0.0, 0.0)); NL();
  S("mixed with literals: "); F(x * 2); SP(); F(2 * x); SP(); F(x + 1); SP(); F(1 - x); SP();
  F(1 / two); SP(); B(x > 0); SP(); B(two == 2); NL();
}

static void case006(void) {
  double ten = rt(10.0), v = rt(1.0);
  S("powers of ten up:\n");
  for (int k = 0; k < 25; k++) { show(v); v = v * ten; }
  S("powers of ten down:\n");
  v = rt(1.0);
  for (int k = 0; k < 12; k++) { v = v / ten; show(v); }
  S("threshold values:\n");
  p(9999999999999998.0); p(1e16); p(1.5e16); p(123456789012345678.0); p(999999999999999.9);
  p(0.0001); p(0.00012345); p(0.00009999); p(1e-5); p(1.5e-5); p(1.0000000000000002);
  p(0.30000000000000004);
  S("assorted:\n");
  double vals[] = {0.5, 0.25, 0.125, 0.1, 0.2, 0.3, 0.7, 1.1, 2.675, 3.14159265358979,
      100.0, 123.456, 1234567890123.25, 12345678.9, 4.35, 9007199254740992.0,
      6.02214076e23, 6.62607015e-34, 1.602176634e-19, 299792458.0, 1.7976931348623157e308,
      2.2250738585072014e-308, 5e-324, 1e-310, 1e308, 1e-307};
  for (unsigned k = 0; k < sizeof vals / sizeof vals[0]; k++) show(vals[k]);
  S("computed:\n");
  double third = rt(1.0);
  third = third / 3.0;
  F(third); SP(); F(third * 2.0); SP(); F(third * 3.0); SP(); F(2.0 / 3.0 * third); NL();
  double acc = rt(0.0);
  for (int k = 1; k < 8; k++) { acc += 1.0 / (double)k; I(k); SP(); F(acc); NL(); }
  double m = rt(1.0);
  for (int k = 1; k < 11; k++) { m = m * 7.0 / 3.0; show(m); }
}

static void case007(void) {
  double zero = rt(0.0), inf = 1.0 / zero, ninf = -1.0 / zero, nan = zero / zero, nzero = -zero;
  F(inf); SP(); F(ninf); SP(); F(nan); SP(); F(zero); SP(); F(nzero); NL();
  F(inf + 1.0); SP(); F(inf - inf); SP(); F(inf * zero); SP(); F(inf * -2.0); SP(); F(1.0 / inf);
  SP(); F(-1.0 / inf); NL();
  F(nan + 1.0); SP(); F(nan * zero); SP(); F(-nan); NL();
  B(nan == nan); SP(); B(nan != nan); SP(); B(nan < 1.0); SP(); B(nan > 1.0); SP(); B(nan <= nan);
  SP(); B(nan >= 0.0); NL();
  B(inf > 1e308); SP(); B(ninf < -1e308); SP(); B(inf == inf); SP(); B(inf == -ninf); NL();
  B(zero == nzero); SP(); B(nzero < zero); SP(); F(1.0 / nzero); SP(); F(nzero * 5.0); SP();
  F(nzero + zero); SP(); F(nzero - zero); NL();
  F(mojo_rt_fmin(nan, 1.0)); SP(); F(mojo_rt_fmax(nan, 1.0)); SP(); F(mojo_rt_fmin(1.0, nan)); SP();
  F(mojo_rt_fmax(1.0, nan)); NL();
  F(absf(ninf)); SP(); F(absf(nzero)); NL();
  double big = rt(1e308);
  F(big * 10.0); SP(); F(-big * 10.0); SP(); F(big + big); SP(); F(big / 1e-10); NL();
  double tiny = rt(5e-324);
  F(tiny); SP(); F(tiny / 2.0); SP(); F(tiny * 0.5); SP(); F(-tiny / 2.0); SP(); F(tiny * 1e300);
  NL();
  if (inf > 0) S("inf is positive\n");
  if (nan == nan) S("unexpected\n");
  else S("nan is not equal to itself\n");
  int64_t count = 0;
  double vals[] = {1.0, -1.0, 0.0, -0.0};
  for (int a = 0; a < 4; a++)
    for (int b = 0; b < 4; b++) {
      double q = rt(vals[a]) / vals[b];
      if (q != q) count += 1;
      F(vals[a]); S(" / "); F(vals[b]); S(" = "); F(q); NL();
    }
  S("nan results: "); I(count); NL();
}

static void case009(void) {
  S("ties between two shortest candidates:\n");
  show(245010723912258.12); show(967273786048676.2); show(-1680152598027572.2);
  show(-885696802133.7812); show(21027122254141.812); show(127604672921491.12);
  show(rt(1960085791298065.0) / 8.0);
  S("shortest candidate on the interval boundary:\n");
  show(6.7745937013900616e16); show(3.4875520310609852e16); show(-3.4602862232210388e16);
  show(1.7028130938671402e17); show(1.4496990958753921e19); show(1.0000000000000001e23);
  double a = rt(1e22);
  show(a * 10.0);
  S("ordinary values for comparison:\n");
  show(245010723912258.0); show(0.3); show(6.7745937013900608e16); show(1e23);
}

void mojo_main(void) { case005(); case006(); case007(); case009(); }
"""#

/// 005, 006, 007 and 009 expected.txt, concatenated.
private let conformanceFloatExpected = """
a b | + - * / // %
7.0 2.0 | 9.0 5.0 14.0 3.5 3.0 1.0
-7.0 2.0 | -5.0 -9.0 -14.0 -3.5 -4.0 1.0
7.0 -2.0 | 5.0 9.0 -14.0 -3.5 -4.0 -1.0
-7.0 -2.0 | -9.0 -5.0 14.0 3.5 3.0 -1.0
5.5 1.5 | 7.0 4.0 8.25 3.6666666666666665 3.0 1.0
-5.5 1.5 | -4.0 -7.0 -8.25 -3.6666666666666665 -4.0 0.5
5.3 2.0 | 7.3 3.3 10.6 2.65 2.0 1.2999999999999998
-5.3 2.0 | -3.3 -7.3 -10.6 -2.65 -3.0 0.7000000000000002
0.1 0.2 | 0.30000000000000004 -0.1 0.020000000000000004 0.5 0.0 0.1
1.0 3.0 | 4.0 -2.0 3.0 0.3333333333333333 0.0 1.0
2.5 0.5 | 3.0 2.0 1.25 5.0 5.0 0.0
-1.0 3.0 | 2.0 -4.0 -3.0 -0.3333333333333333 -1.0 2.0
1.0 -3.0 | -2.0 4.0 -3.0 -0.3333333333333333 -1.0 -2.0
10.0 0.1 | 10.1 9.9 1.0 100.0 100.0 0.0
1e+20 3.0 | 1e+20 1e+20 3e+20 3.333333333333333e+19 3.333333333333333e+19 0.0
0.0 5.0 | 5.0 -5.0 0.0 0.0 0.0 0.0
-0.0 5.0 | 5.0 -5.0 -0.0 -0.0 -0.0 0.0
division by zero:
7.5 0.0 | 7.5 7.5 0.0 inf inf nan
-7.5 0.0 | -7.5 -7.5 -0.0 -inf -inf nan
0.0 0.0 | 0.0 0.0 0.0 nan nan nan
1.0 -0.0 | 1.0 1.0 -0.0 -inf -inf nan
powers:
1024.0 0.5 0.125 1.0 -8.0
1.9487171000000012 6.727499949325609 0.03125 5.0625 1e+22
2.718145926824356 2.6561398887587605e-05 0.1111111111111111 1e-05
augmented: 1.0
7.25 //= 2.0 -> 3.0
-7.25 %= 2.0 -> 0.75
sum of ten 0.1: 0.9999999999999999 False
Float64(7) / 2 = 3.5 Int(7.9) = 7 Int(-7.9) = -7
Int(-0.5) = 0 Float64(2**53 + 1) = 9007199254740992.0
unary: -0.1 0.1 -0.9999999999999999
abs: 2.5 2.5 0.0
min/max: -2.5 1.5 -0.0 0.0
mixed with literals: 0.2 0.2 1.1 0.9 0.5 True True
powers of ten up:
1.0
10.0
100.0
1000.0
10000.0
100000.0
1000000.0
10000000.0
100000000.0
1000000000.0
10000000000.0
100000000000.0
1000000000000.0
10000000000000.0
100000000000000.0
1000000000000000.0
1e+16
1e+17
1e+18
1e+19
1e+20
1e+21
1e+22
1e+23
1e+24
powers of ten down:
0.1
0.01
0.001
0.0001
1e-05
1.0000000000000002e-06
1.0000000000000002e-07
1.0000000000000002e-08
1.0000000000000003e-09
1.0000000000000003e-10
1.0000000000000003e-11
1.0000000000000002e-12
threshold values:
9999999999999998.0 -9999999999999998.0
1e+16 -1e+16
1.5e+16 -1.5e+16
1.2345678901234568e+17 -1.2345678901234568e+17
999999999999999.9 -999999999999999.9
0.0001 -0.0001
0.00012345 -0.00012345
9.999e-05 -9.999e-05
1e-05 -1e-05
1.5e-05 -1.5e-05
1.0000000000000002 -1.0000000000000002
0.30000000000000004 -0.30000000000000004
assorted:
0.5
0.25
0.125
0.1
0.2
0.3
0.7
1.1
2.675
3.14159265358979
100.0
123.456
1234567890123.25
12345678.9
4.35
9007199254740992.0
6.02214076e+23
6.62607015e-34
1.602176634e-19
299792458.0
1.7976931348623157e+308
2.2250738585072014e-308
5e-324
1e-310
1e+308
1e-307
computed:
0.3333333333333333 0.6666666666666666 1.0 0.2222222222222222
1 1.0
2 1.5
3 1.8333333333333333
4 2.083333333333333
5 2.283333333333333
6 2.4499999999999997
7 2.5928571428571425
2.3333333333333335
5.4444444444444455
12.703703703703708
29.641975308641985
69.16460905349797
161.38408779149526
376.562871513489
878.6467001981409
2050.175633795662
4783.743145523212
inf -inf nan 0.0 -0.0
inf nan nan -inf 0.0 -0.0
nan nan nan
False True False False False False
True True True True
True False -inf -0.0 0.0 -0.0
1.0 1.0 1.0 1.0
inf 0.0
inf -inf inf inf
5e-324 0.0 0.0 -0.0 4.940656458412466e-24
inf is positive
nan is not equal to itself
1.0 / 1.0 = 1.0
1.0 / -1.0 = -1.0
1.0 / 0.0 = inf
1.0 / -0.0 = -inf
-1.0 / 1.0 = -1.0
-1.0 / -1.0 = 1.0
-1.0 / 0.0 = -inf
-1.0 / -0.0 = inf
0.0 / 1.0 = 0.0
0.0 / -1.0 = -0.0
0.0 / 0.0 = nan
0.0 / -0.0 = nan
-0.0 / 1.0 = -0.0
-0.0 / -1.0 = 0.0
-0.0 / 0.0 = nan
-0.0 / -0.0 = nan
nan results: 4
ties between two shortest candidates:
245010723912258.13
967273786048676.3
-1680152598027572.3
-885696802133.7813
21027122254141.813
127604672921491.13
245010723912258.13
shortest candidate on the interval boundary:
6.774593701390062e+16
3.487552031060985e+16
-3.460286223221039e+16
1.70281309386714e+17
1.449699095875392e+19
1e+23
1e+23
ordinary values for comparison:
245010723912258.0
0.3
6.774593701390061e+16
1e+23

"""

@Test("conformance 005/006/007/009 float output is reproduced by the runtime")
func conformanceFloatOutput() throws {
  let run = try RuntimeHarness.run(conformanceFloatProgram)
  #expect(run.status == 0)
  let actual = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
  let expected = conformanceFloatExpected.split(separator: "\n", omittingEmptySubsequences: false)
  #expect(actual.count == expected.count)
  for (index, (line, want)) in zip(actual, expected).enumerated() where line != want {
    Issue.record("line \(index + 1): got \"\(line)\", expected \"\(want)\"")
  }
}
