//! The Float64 parts of conformance cases 005 (arithmetic rows and powers), 006 (printing) and
//! 009 (print rounding), translated by hand to C calls into the runtime. The expected text is
//! the cases' expected.txt, printed by the reference compiler. Literal-only expressions (folded
//! exactly by mojoc, §6.1) appear here as their folded double, e.g. `0.1 * 3.0` as `0.3`.

import Testing

/// The translated programs: `rt(x)` hides a value from the C compiler, as a Mojo `var` would.
private let conformanceFloatProgram = #"""
static void S(const char *text) { mojo_rt_print_string(lit(text)); }
static void F(double x) { mojo_rt_print_float(x); }
static void NL(void) { S("\n"); }
static void row(double a,double b){F(a);S(" ");F(b);S(" | ");F(a+b);S(" ");F(a-b);S(" ");F(a*b);S(" ");F(a/b);S(" ");F(mojo_rt_ffloordiv(a,b));S(" ");F(mojo_rt_fmod(a,b));NL();}
static void p(double x){F(x);S(" ");F(-x);NL();}
static void show(double x){F(x);NL();}
void mojo_main(void){
  /* 005 */
  S("a b | + - * / // %\n");
  row(7.0,2.0);row(-7.0,2.0);row(7.0,-2.0);row(-7.0,-2.0);row(5.5,1.5);row(-5.5,1.5);row(5.3,2.0);row(-5.3,2.0);
  row(0.1,0.2);row(1.0,3.0);row(2.5,0.5);row(-1.0,3.0);row(1.0,-3.0);row(10.0,0.1);row(1e20,3.0);row(0.0,5.0);row(-0.0,5.0);
  S("division by zero:\n"); row(7.5,0.0);row(-7.5,0.0);row(0.0,0.0);row(1.0,-0.0);
  S("powers:\n"); double two=rt(2.0);
  F(mojo_rt_fpowi(two,10));S(" ");F(mojo_rt_fpowi(two,-1));S(" ");F(mojo_rt_fpowi(two,-3));S(" ");F(mojo_rt_fpowi(two,0));S(" ");F(mojo_rt_fpowi(-two,3));NL();
  F(mojo_rt_fpowi(1.1,7));S(" ");F(mojo_rt_fpowi(1.1,20));S(" ");F(mojo_rt_fpowi(0.5,5));S(" ");F(mojo_rt_fpowi(-1.5,4));S(" ");F(mojo_rt_fpowi(10.0,22));NL();
  F(mojo_rt_fpowi(1.0001,10000));S(" ");F(mojo_rt_fpowi(0.9,100));S(" ");F(mojo_rt_fpowi(3.0,-2));S(" ");F(mojo_rt_fpowi(10.0,-5));NL();
  /* 006 */
  double ten=rt(10.0), v=rt(1.0);
  S("powers of ten up:\n"); for(int k=0;k<25;k++){show(v); v=v*ten;}
  S("powers of ten down:\n"); v=rt(1.0); for(int k=0;k<12;k++){v=v/ten; show(v);}
  S("threshold values:\n");
  p(9999999999999998.0);p(1e16);p(1.5e16);p(123456789012345678.0);p(999999999999999.9);p(0.0001);p(0.00012345);p(0.00009999);p(1e-5);p(1.5e-5);p(1.0000000000000002);p(0.30000000000000004);
  S("assorted:\n");
  double vals[]={0.5, 0.25, 0.125, 0.1, 0.2, 0.3, 0.7, 1.1, 2.675, 3.14159265358979,
        100.0, 123.456, 1234567890123.25, 12345678.9, 4.35, 9007199254740992.0,
        6.02214076e23, 6.62607015e-34, 1.602176634e-19, 299792458.0, 1.7976931348623157e308,
        2.2250738585072014e-308, 5e-324, 1e-310, 1e308, 1e-307};
  for(unsigned k=0;k<sizeof vals/sizeof vals[0];k++) show(vals[k]);
  S("computed:\n");
  double third=rt(1.0); third=third/3.0; F(third);S(" ");F(third*2.0);S(" ");F(third*3.0);S(" ");F(2.0/3.0*third);NL();
  double acc=rt(0.0); for(int k=1;k<8;k++){acc+=1.0/(double)k; mojo_rt_print_int(k);S(" ");F(acc);NL();}
  double kk=rt(1.0); for(int k=1;k<11;k++){kk=kk*7.0/3.0; show(kk);}
  /* 009 */
  S("ties between two shortest candidates:\n");
  show(245010723912258.12);show(967273786048676.2);show(-1680152598027572.2);show(-885696802133.7812);show(21027122254141.812);show(127604672921491.12);
  show(rt(1960085791298065.0)/8.0);
  S("shortest candidate on the interval boundary:\n");
  show(6.7745937013900616e16);show(3.4875520310609852e16);show(-3.4602862232210388e16);show(1.7028130938671402e17);show(1.4496990958753921e19);show(1.0000000000000001e23);
  double a=rt(1e22); show(a*10.0);
  S("ordinary values for comparison:\n");
  show(245010723912258.0);show(0.3);show(6.7745937013900608e16);show(1e23);
}
"""#

/// 005 lines 1-27, then 006 and 009 in full.
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

@Test("conformance 005/006/009 float output is reproduced by the runtime")
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
