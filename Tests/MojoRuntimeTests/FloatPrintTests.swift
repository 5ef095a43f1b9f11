//! Float64 text (LANGUAGE.md §12.1) as printed by mojo_rt_print_float and mojo_rt_str_from_float:
//! the documented ties and boundaries, the layout thresholds and the special values. Expected
//! texts come from the spec and the conformance expected.txt files (006, 007, 009).

import Testing

/// Values and the exact text §12.1 prescribes for each.
let floatCases: [PrintCase] = [
  // Special values (step 1).
  PrintCase("0.0", "0.0"),
  PrintCase("-0.0", "-0.0"),
  PrintCase("rt(0.0) / rt(0.0)", "nan"),
  PrintCase("-(rt(0.0) / rt(0.0))", "nan"),
  PrintCase("from_bits(0xfff8000000000001ULL)", "nan"),
  PrintCase("1.0 / rt(0.0)", "inf"),
  PrintCase("-1.0 / rt(0.0)", "-inf"),
  // Closed interval: a shorter decimal exactly on the boundary wins (009).
  PrintCase("1e23", "1e+23"),
  PrintCase("from_bits(0x44b52d02c7e14af7ULL)", "1e+23"),  // the double above 1e23
  PrintCase("rt(1e22) * 10.0", "1e+23"),
  PrintCase("6.7745937013900616e16", "6.774593701390062e+16"),
  PrintCase("6.7745937013900608e16", "6.774593701390061e+16"),
  PrintCase("3.4875520310609852e16", "3.487552031060985e+16"),
  PrintCase("-3.4602862232210388e16", "-3.460286223221039e+16"),
  PrintCase("1.7028130938671402e17", "1.70281309386714e+17"),
  PrintCase("1.4496990958753921e19", "1.449699095875392e+19"),
  // Exact ties round half up (009).
  PrintCase("245010723912258.125", "245010723912258.13"),
  PrintCase("967273786048676.2", "967273786048676.3"),
  PrintCase("-1680152598027572.2", "-1680152598027572.3"),
  PrintCase("-885696802133.7812", "-885696802133.7813"),
  PrintCase("21027122254141.812", "21027122254141.813"),
  PrintCase("rt(1960085791298065.0) / 8.0", "245010723912258.13"),
  PrintCase("245010723912258.0", "245010723912258.0"),
  // Extremes.
  PrintCase("5e-324", "5e-324"),
  PrintCase("-5e-324", "-5e-324"),
  PrintCase("1.7976931348623157e308", "1.7976931348623157e+308"),
  PrintCase("2.2250738585072014e-308", "2.2250738585072014e-308"),
  PrintCase("1e-310", "1e-310"),
  PrintCase("1e308", "1e+308"),
  PrintCase("1e-307", "1e-307"),
  PrintCase("rt(5e-324) * 1e300", "4.940656458412466e-24"),
  // Layout thresholds (step 3).
  PrintCase("1e16", "1e+16"),
  PrintCase("1.5e16", "1.5e+16"),
  PrintCase("9999999999999998.0", "9999999999999998.0"),
  PrintCase("1000000000000000.0", "1000000000000000.0"),
  PrintCase("999999999999999.9", "999999999999999.9"),
  PrintCase("123456789012345678.0", "1.2345678901234568e+17"),
  PrintCase("9007199254740992.0", "9007199254740992.0"),
  PrintCase("rt(9007199254740992.0) * 2.0", "1.8014398509481984e+16"),
  PrintCase("1e-5", "1e-05"),
  PrintCase("1.5e-5", "1.5e-05"),
  PrintCase("0.00009999", "9.999e-05"),
  PrintCase("0.0001", "0.0001"),
  PrintCase("0.00012345", "0.00012345"),
  PrintCase("rt(1.0) / 10.0 / 10.0 / 10.0 / 10.0 / 10.0 / 10.0", "1.0000000000000002e-06"),
  PrintCase("6.62607015e-34", "6.62607015e-34"),
  PrintCase("6.02214076e23", "6.02214076e+23"),
  PrintCase("1e100", "1e+100"),
  // Ordinary values.
  PrintCase("rt(0.1) + 0.2", "0.30000000000000004"),
  PrintCase("rt(0.1) * 3.0", "0.30000000000000004"),
  PrintCase("0.1", "0.1"),
  PrintCase("-0.1", "-0.1"),
  PrintCase("1.0", "1.0"),
  PrintCase("100.0", "100.0"),
  PrintCase("123.456", "123.456"),
  PrintCase("1234567890123.25", "1234567890123.25"),
  PrintCase("12345678.9", "12345678.9"),
  PrintCase("2.675", "2.675"),
  PrintCase("1.0000000000000002", "1.0000000000000002"),
  PrintCase("rt(1.0) / 3.0", "0.3333333333333333"),
  PrintCase("rt(2.0) / 3.0", "0.6666666666666666"),
  PrintCase("rt(1e20) / 3.0", "3.333333333333333e+19"),
  PrintCase("rt(1e15) + 0.3", "1000000000000000.3"),  // 1000000000000000.25: a tie
]

@Test("mojo_rt_print_float prints the §12.1 text", arguments: try RuntimeHarness.printLines(
  floatCases, printer: "f"))
func printFloat(pair: (PrintCase, String?)) {
  #expect(pair.1 == pair.0.expected, "\(pair.0.expression)")
}

@Test("mojo_rt_str_from_float gives the same text as print")
func stringFromFloat() throws {
  let lines = try RuntimeHarness.printLines(
    floatCases.map { PrintCase("mojo_rt_str_from_float(\($0.expression))", $0.expected) },
    printer: "s")
  for (item, actual) in lines {
    #expect(actual == item.expected, "\(item.expression)")
  }
}

@Test("mojo_rt_str_from_float strings carry their length")
func stringFromFloatLength() throws {
  let run = try RuntimeHarness.run(
    """
    void mojo_main(void) {
      i(mojo_rt_str_from_float(1.7976931348623157e308)->length);
      i(mojo_rt_str_from_float(-0.0)->length);
    }
    """)
  #expect(run.stdout == "23\n4\n")
}
