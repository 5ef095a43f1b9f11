//! Strings (§7.4, §10.1), lists (§10.2), output buffering and traps (§13): results are read back
//! from the program's standard output and exit status.

import Testing

@Test("string concatenation, comparison, equality and conversions")
func strings() throws {
  let run = try RuntimeHarness.run(
    #"""
    void mojo_main(void) {
      s(mojo_rt_str_concat(lit("ab"), lit("cd")));
      s(mojo_rt_str_concat(lit(""), lit("x")));
      i(mojo_rt_str_concat(lit("ab"), lit(""))->length);
      i(mojo_rt_str_compare(lit("ab"), lit("abc")));
      i(mojo_rt_str_compare(lit("abc"), lit("ab")));
      i(mojo_rt_str_compare(lit("Z"), lit("a")));
      i(mojo_rt_str_compare(lit("\xff"), lit("a")));
      i(mojo_rt_str_compare(lit("same"), lit("same")));
      i(mojo_rt_str_eq(lit("same"), lit("same")));
      i(mojo_rt_str_eq(lit("same"), lit("sam")));
      i(mojo_rt_str_eq(lit(""), lit("")));
      s(mojo_rt_str_from_int(INT64_MIN));
      s(mojo_rt_str_from_int(42));
      s(mojo_rt_str_concat(mojo_rt_str_from_int(3), mojo_rt_str_from_int(4)));
      s(mojo_rt_str_byte_at(lit("hello"), 1, 0));
      i(mojo_rt_str_byte_at(lit("hello"), 4, 0)->length);
      i(mojo_rt_str_ord(mojo_rt_str_byte_at(lit("hello"), 0, 0)));
      i(mojo_rt_str_ord(lit("\xc3\xa9")));
      s(mojo_rt_str_chr(65));
      i(mojo_rt_str_ord(mojo_rt_str_chr(127)));
      s(mojo_rt_str_chr(0xe9));
      i(mojo_rt_str_eq(mojo_rt_str_byte_at(lit("abc"), 2, 0), lit("c")));
    }
    """#)
  #expect(run.status == 0)
  let expected = [
    "abcd", "x", "2", "-1", "1", "-1", "1", "0", "1", "0", "1", "-9223372036854775808", "42",
    "34", "e", "1", "104", "233", "A", "127", "é", "1",
  ]
  #expect(run.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    .map(String.init) == expected)
}

@Test("list append, insert, remove, copy and clear")
func lists() throws {
  let run = try RuntimeHarness.run(
    """
    static void dump(MojoList *list) {
      for (int64_t k = 0; k < list->length; k++) {
        mojo_rt_print_int(*(int64_t *)mojo_rt_list_at(list, k, 8, 0));
        mojo_rt_print_string(lit(k + 1 < list->length ? "," : ""));
      }
      newline();
    }
    void mojo_main(void) {
      MojoList *xs = mojo_rt_list_new(8, 0);
      for (int64_t k = 1; k <= 100; k++) *(int64_t *)mojo_rt_list_append_slot(xs, 8) = k * k;
      i(xs->length);
      i(*(int64_t *)mojo_rt_list_at(xs, 99, 8, 0));
      mojo_rt_list_clear(xs);
      i(xs->length);
      for (int64_t k = 1; k <= 3; k++) *(int64_t *)mojo_rt_list_append_slot(xs, 8) = k;
      *(int64_t *)mojo_rt_list_insert_slot(xs, 0, 8, 0) = 10;
      *(int64_t *)mojo_rt_list_insert_slot(xs, 4, 8, 0) = 40;
      *(int64_t *)mojo_rt_list_insert_slot(xs, 2, 8, 0) = 20;
      dump(xs);
      MojoList *copy = mojo_rt_list_copy_shallow(xs, 8);
      int64_t removed = 0;
      mojo_rt_list_remove(xs, 2, 8, &removed, 0);
      i(removed);
      mojo_rt_list_remove(xs, xs->length - 1, 8, &removed, 0);
      i(removed);
      dump(xs);
      dump(copy);
      MojoList *wide = mojo_rt_list_new(24, 2);
      for (int64_t k = 0; k < 5; k++) {
        int64_t *slot = mojo_rt_list_append_slot(wide, 24);
        slot[0] = k; slot[1] = -k; slot[2] = k * 100;
      }
      i(((int64_t *)mojo_rt_list_at(wide, 3, 24, 0))[2]);
      i(wide->length);
    }
    """)
  #expect(run.status == 0)
  #expect(run.stdout == "100\n10000\n0\n10,1,20,2,3,40\n20\n40\n10,1,2,3\n10,1,20,2,3,40\n300\n5\n")
}

@Test("output larger than the buffer arrives complete and in order")
func largeOutput() throws {
  let run = try RuntimeHarness.run(
    """
    void mojo_main(void) {
      for (int64_t k = 0; k < 30000; k++) { mojo_rt_print_int(k); newline(); }
      MojoString *big = malloc(sizeof(MojoString) + 100000);
      big->length = 100000;
      memset(big->bytes, 'x', 100000);
      s(big);
      i(-1);
    }
    """)
  let numbers = (0..<30000).map { "\($0)\n" }.joined()
  #expect(run.status == 0)
  #expect(run.stdout == numbers + String(repeating: "x", count: 100000) + "\n-1\n")
}

@Test("an out-of-range list index is reported as Mojo reports it, after the program's output", arguments: ["3", "-1"])
func listIndexTrap(index: String) throws {
  let run = try RuntimeHarness.run(
    """
    void mojo_main(void) {
      MojoList *xs = mojo_rt_list_new(8, 4);
      for (int k = 0; k < 3; k++) *(int64_t *)mojo_rt_list_append_slot(xs, 8) = k;
      mojo_rt_print_string(lit("before"));
      i(*(int64_t *)mojo_rt_list_at(xs, \(index), 8, lit("/p/main.mojo:4:13")));
      mojo_rt_print_string(lit("after"));
    }
    """)
  // Mojo 1.2: its `debug_assert` line on standard output, then SIGILL (status 132).
  #expect(run.terminatedBySignal && run.status == 4)
  #expect(run.stdout == "beforeAt: /p/main.mojo:4:13: Assert Error: index \(index) is out of bounds, valid range is 0 to 2\n")
  #expect(run.stderr == "")
}

@Test("checks without a location, slices and an empty Optional use Mojo's text", arguments: [
  ("mojo_rt_list_at(xs, 0, 8, 0)", "Assert Error: index 0 is out of bounds, valid range is 0 to -1"),
  ("mojo_rt_list_at(xs, 0, 8, lit(\"\"))", "Assert Error: index 0 is out of bounds, valid range is 0 to -1"),
  ("mojo_rt_list_slice(xs, 0, 2, 0, 3 | 8 << 3, lit(\"m.mojo:1:2\"))",
   "At: m.mojo:1:2: Assert Error: slice end index 2 is out of bounds, valid range is 0 to 0"),
  ("mojo_rt_str_slice(lit(\"abc\"), 2, 1, 3, lit(\"m.mojo:1:2\"))",
   "At: m.mojo:1:2: Assert Error: slice start index 2 is greater than slice end index 1"),
  ("mojo_rt_optional_value((int64_t[2]){0, 0}, lit(\"m.mojo:3:9\"))",
   "ABORT: m.mojo:3:9: `Optional.value()` called on empty `Optional`. Consider using `if optional:` to check whether the `Optional` is empty before calling `.value()`, or use `.or_else()` to provide a default value."),
  ("mojo_rt_str_ord(lit(\"\"))",
   "ABORT: Mojo/stdlib/std/collections/string/codepoint.mojo:237:18: Codepoint.ord: input string must not be empty"),
])
func mojoChecks(statement: String, line: String) throws {
  let run = try RuntimeHarness.run(
    """
    void mojo_main(void) {
      MojoList *xs = mojo_rt_list_new(8, 0);
      mojo_rt_print_string(lit("start\\n"));
      \(statement);
      mojo_rt_print_string(lit("unreachable"));
    }
    """)
  #expect(run.terminatedBySignal && run.status == 4)
  #expect(run.stdout == "start\n" + line + "\n")
}

@Test("bad indices and division by zero abort after flushing stdout", arguments: [
  "mojo_rt_list_remove(xs, 0, 8, 0, 0)",
  "mojo_rt_list_insert_slot(xs, 1, 8, 0)",
  "mojo_rt_str_byte_at(lit(\"ab\"), 2, 0)",
  "mojo_rt_trap_div_zero()",
])
func otherTraps(statement: String) throws {
  let run = try RuntimeHarness.run(
    """
    void mojo_main(void) {
      MojoList *xs = mojo_rt_list_new(8, 0);
      mojo_rt_print_string(lit("start"));
      \(statement);
      mojo_rt_print_string(lit("unreachable"));
    }
    """)
  #expect(run.status != 0)
  #expect(run.terminatedBySignal)
  // A bad index: Mojo's line after the output; division by zero: SIGFPE, nothing on stderr.
  #expect(run.stdout == "start" || run.stdout.hasPrefix("startAssert Error: index "))
}
