//! Int text, Int powers (§7.1) and the Float64 helpers of §7.2 and §10.3: powers with an Int
//! exponent, `%`, `//`, min/max and floor/ceil/trunc. Expected texts come from the spec's
//! examples and the conformance files 002, 005, 007 and 030.

import Testing

/// Int printing and `**` with wrap-around and negative exponents (conformance 002).
let intCases: [PrintCase] = [
  PrintCase("0", "0"),
  PrintCase("-1", "-1"),
  PrintCase("INT64_MAX", "9223372036854775807"),
  PrintCase("INT64_MIN", "-9223372036854775808"),
  PrintCase("mojo_rt_ipow(17, 2)", "289"),
  PrintCase("mojo_rt_ipow(2, 10)", "1024"),
  // round(n, ndigits) of an Int rounds down at a negative ndigits, as Mojo 1.2 (103).
  PrintCase("mojo_rt_round_int(16, -1)", "10"),
  PrintCase("mojo_rt_round_int(-16, -1)", "-20"),
  PrintCase("mojo_rt_round_int(17, 2)", "17"),
  PrintCase("mojo_rt_ipow(2, 62)", "4611686018427387904"),
  PrintCase("mojo_rt_ipow(-3, 3)", "-27"),
  PrintCase("mojo_rt_ipow(-3, 4)", "81"),
  PrintCase("mojo_rt_ipow(7, 0)", "1"),
  PrintCase("mojo_rt_ipow(0, 0)", "1"),
  PrintCase("mojo_rt_ipow(2, -1)", "0"),
  PrintCase("mojo_rt_ipow(1, -5)", "1"),
  PrintCase("mojo_rt_ipow(-1, -3)", "-1"),
  PrintCase("mojo_rt_ipow(-1, -4)", "1"),
  PrintCase("mojo_rt_ipow(0, -2)", "0"),
  PrintCase("mojo_rt_ipow(-1, INT64_MIN)", "1"),
  PrintCase("mojo_rt_ipow(3, 40)", "-6289078614652622815"),
  PrintCase("mojo_rt_ipow(2, 63)", "-9223372036854775808"),
  PrintCase("mojo_rt_ipow(2, 64)", "0"),
  PrintCase("mojo_rt_ipow(-1, INT64_MAX)", "-1"),
]

/// Float64 helpers, each case printed through mojo_rt_print_float.
let floatArithmeticCases: [PrintCase] = [
  // a ** n by the spec's binary exponentiation (005).
  PrintCase("mojo_rt_fpowi(1.1, 7)", "1.9487171000000012"),
  PrintCase("mojo_rt_fpowi(1.1, 20)", "6.727499949325609"),
  PrintCase("mojo_rt_fpowi(2.0, 10)", "1024.0"),
  PrintCase("mojo_rt_fpowi(2.0, -1)", "0.5"),
  PrintCase("mojo_rt_fpowi(2.0, -3)", "0.125"),
  PrintCase("mojo_rt_fpowi(2.0, 0)", "1.0"),
  PrintCase("mojo_rt_fpowi(-2.0, 3)", "-8.0"),
  PrintCase("mojo_rt_fpowi(10.0, 22)", "1e+22"),
  PrintCase("mojo_rt_fpowi(1.0001, 10000)", "2.718145926824356"),
  PrintCase("mojo_rt_fpowi(0.9, 100)", "2.6561398887587605e-05"),
  PrintCase("mojo_rt_fpowi(3.0, -2)", "0.1111111111111111"),
  PrintCase("mojo_rt_fpowi(10.0, -5)", "1e-05"),
  PrintCase("mojo_rt_fpowi(0.0, -1)", "inf"),
  PrintCase("mojo_rt_fpowi(1.0, INT64_MIN)", "1.0"),
  // a % b (§7.2 and 005).
  PrintCase("mojo_rt_fmod(-5.5, 1.5)", "0.5"),
  PrintCase("mojo_rt_fmod(5.5, 1.5)", "1.0"),
  PrintCase("mojo_rt_fmod(5.3, 2.0)", "1.2999999999999998"),
  PrintCase("mojo_rt_fmod(-5.3, 2.0)", "0.7000000000000002"),
  PrintCase("mojo_rt_fmod(-0.0, 5.0)", "0.0"),
  PrintCase("mojo_rt_fmod(7.5, 0.0)", "nan"),
  PrintCase("mojo_rt_fmod(1e300, 1e-300)", "-inf"),
  PrintCase("mojo_rt_fmod(7.0, -2.0)", "-1.0"),
  PrintCase("mojo_rt_fmod(-7.0, -2.0)", "-1.0"),
  PrintCase("mojo_rt_fmod(-1.0, 3.0)", "2.0"),
  PrintCase("mojo_rt_fmod(0.1, 0.2)", "0.1"),
  PrintCase("mojo_rt_fmod(10.0, 0.1)", "0.0"),
  PrintCase("mojo_rt_fmod(-7.25, 2.0)", "0.75"),
  PrintCase("mojo_rt_fmod(1.0, -0.0)", "nan"),
  PrintCase("mojo_rt_fmod(1e20, 3.0)", "0.0"),
  // a // b = floor of the rounded quotient.
  PrintCase("mojo_rt_ffloordiv(-7.0, 2.0)", "-4.0"),
  PrintCase("mojo_rt_ffloordiv(7.0, -2.0)", "-4.0"),
  PrintCase("mojo_rt_ffloordiv(10.0, 0.1)", "100.0"),
  PrintCase("mojo_rt_ffloordiv(7.5, 0.0)", "inf"),
  PrintCase("mojo_rt_ffloordiv(-7.5, 0.0)", "-inf"),
  PrintCase("mojo_rt_ffloordiv(0.0, 0.0)", "nan"),
  PrintCase("mojo_rt_ffloordiv(-0.0, 5.0)", "-0.0"),
  PrintCase("mojo_rt_ffloordiv(1e20, 3.0)", "3.333333333333333e+19"),
  PrintCase("mojo_rt_ffloordiv(-5.5, 1.5)", "-4.0"),
  // min / max: NaN yields the other operand; -0.0 is the smaller zero (005, 007).
  PrintCase("mojo_rt_fmin(rt(0.0) / 0.0, 1.0)", "1.0"),
  PrintCase("mojo_rt_fmin(1.0, rt(0.0) / 0.0)", "1.0"),
  PrintCase("mojo_rt_fmax(rt(0.0) / 0.0, 1.0)", "1.0"),
  PrintCase("mojo_rt_fmax(1.0, rt(0.0) / 0.0)", "1.0"),
  PrintCase("mojo_rt_fmin(-0.0, 0.0)", "-0.0"),
  PrintCase("mojo_rt_fmin(0.0, -0.0)", "-0.0"),
  PrintCase("mojo_rt_fmax(-0.0, 0.0)", "0.0"),
  PrintCase("mojo_rt_fmax(0.0, -0.0)", "0.0"),
  PrintCase("mojo_rt_fmin(1.5, -2.5)", "-2.5"),
  PrintCase("mojo_rt_fmax(1.5, -2.5)", "1.5"),
  PrintCase("mojo_rt_fmin(2.5, 2.25)", "2.25"),
  PrintCase("mojo_rt_fmax(-1.0 / rt(0.0), 3.0)", "3.0"),
  // round: ties to even, signed zero kept; with digits scaled and back (103).
  PrintCase("mojo_rt_round(2.5)", "2.0"),
  PrintCase("mojo_rt_round(3.5)", "4.0"),
  PrintCase("mojo_rt_round(-0.5)", "-0.0"),
  PrintCase("mojo_rt_round(-2.6)", "-3.0"),
  PrintCase("mojo_rt_round(0.49999999999999994)", "0.0"),
  PrintCase("mojo_rt_round_digits(2.675, 2)", "2.68"),
  PrintCase("mojo_rt_round_digits(0.125, 2)", "0.12"),
  PrintCase("mojo_rt_round_digits(1234.5678, -1)", "1230.0"),
  // std.math (106): Mojo's own exp, log2, cosh and `**` digit for digit; the others correctly
  // rounded (double-double kernels); Int sqrt bit by bit.
  PrintCase("mojo_rt_exp(1.0)", "2.718281828459813"),
  PrintCase("mojo_rt_exp(-800.0)", "0.0"),
  PrintCase("mojo_rt_log2(3.0)", "1.5849625006021448"),
  PrintCase("mojo_rt_cosh(-0.75)", "1.2946832846770768"),
  PrintCase("mojo_rt_fpow(2.0, 0.5)", "1.4142135623734946"),
  PrintCase("mojo_rt_fpow(10.0, 100.0)", "1.0000000000000002e+100"),
  PrintCase("mojo_rt_fpow(0.0, -1.5)", "inf"),
  PrintCase("mojo_rt_sin(10.0)", "-0.5440211108893698"),
  PrintCase("mojo_rt_tan(42.0)", "2.2913879924374863"),
  PrintCase("mojo_rt_log10(1000.0)", "3.0"),
  PrintCase("mojo_rt_atan2(-1.0, -2.0)", "-2.677945044588987"),
  PrintCase("mojo_rt_acos(-0.3)", "1.8754889808102941"),
  PrintCase("mojo_rt_hypot(1e200, 1e200)", "1.414213562373095e+200"),
  PrintCase("mojo_rt_cbrt(-8.0)", "-2.0"),
  PrintCase("(double)mojo_rt_isqrt(INT64_MAX)", "3037000499.0"),
  // floor / ceil / trunc keep the sign of zero (030, §10.3).
  PrintCase("mojo_rt_floor(2.7)", "2.0"),
  PrintCase("mojo_rt_ceil(2.7)", "3.0"),
  PrintCase("mojo_rt_trunc(2.7)", "2.0"),
  PrintCase("mojo_rt_floor(-2.7)", "-3.0"),
  PrintCase("mojo_rt_ceil(-2.7)", "-2.0"),
  PrintCase("mojo_rt_trunc(-2.7)", "-2.0"),
  PrintCase("mojo_rt_floor(-2.5)", "-3.0"),
  PrintCase("mojo_rt_ceil(2.5)", "3.0"),
  PrintCase("mojo_rt_floor(0.4)", "0.0"),
  PrintCase("mojo_rt_ceil(0.4)", "1.0"),
  PrintCase("mojo_rt_floor(-0.4)", "-1.0"),
  PrintCase("mojo_rt_ceil(-0.4)", "-0.0"),
  PrintCase("mojo_rt_trunc(-0.4)", "-0.0"),
  PrintCase("mojo_rt_floor(-0.0)", "-0.0"),
  PrintCase("mojo_rt_ceil(-0.0)", "-0.0"),
  PrintCase("mojo_rt_trunc(-0.0)", "-0.0"),
  PrintCase("mojo_rt_floor(3.0)", "3.0"),
  PrintCase("mojo_rt_floor(5e-324)", "0.0"),
  PrintCase("mojo_rt_floor(-5e-324)", "-1.0"),
  PrintCase("mojo_rt_ceil(2251799813685248.5)", "2251799813685249.0"),
  PrintCase("mojo_rt_floor(-2251799813685248.5)", "-2251799813685249.0"),
  PrintCase("mojo_rt_trunc(4503599627370495.5)", "4503599627370495.0"),
  PrintCase("mojo_rt_floor(1e300)", "1e+300"),
  PrintCase("mojo_rt_ceil(-1.0 / rt(0.0))", "-inf"),
  PrintCase("mojo_rt_trunc(rt(0.0) / 0.0)", "nan"),
]

@Test("Int printing and mojo_rt_ipow", arguments: try RuntimeHarness.printLines(
  intCases, printer: "i"))
func intText(pair: (PrintCase, String?)) {
  #expect(pair.1 == pair.0.expected, "\(pair.0.expression)")
}

@Test("Float64 helpers follow §7.2", arguments: try RuntimeHarness.printLines(
  floatArithmeticCases, printer: "f"))
func floatArithmetic(pair: (PrintCase, String?)) {
  #expect(pair.1 == pair.0.expected, "\(pair.0.expression)")
}

@Test("booleans print as True and False")
func boolText() throws {
  let run = try RuntimeHarness.run(
    """
    void mojo_main(void) {
      mojo_rt_print_bool(1); newline();
      mojo_rt_print_bool(0); newline();
      s(mojo_rt_str_from_bool(1));
      s(mojo_rt_str_from_bool(0));
      i(mojo_rt_str_from_bool(0)->length);
    }
    """)
  #expect(run.stdout == "True\nFalse\nTrue\nFalse\n5\n")
}
