//! The runtime's system layer (runtime_system.inc): the bump allocator keeps list contents when
//! blocks grow in place, move or get a mapping of their own; memory starts zeroed; impossible
//! sizes and a full output device are run-time errors that flush, report and abort.

import Foundation
import Testing

@Test("lists keep their elements through in-place, moving and mremap growth")
func listGrowthKeepsElements() throws {
  let run = try RuntimeHarness.run(
    """
    void mojo_main(void) {
      /* Two lists growing in turn: neither is the arena's last block for long, so growth alternates
         between extending in place and copying; past 256 KiB each has its own mapping. */
      MojoList *a = mojo_rt_list_new(8, 0), *b = mojo_rt_list_new(24, 1);
      for (int64_t k = 0; k < 400000; k++) {
        *(int64_t *)mojo_rt_list_append_slot(a, 8) = k * 3;
        if (k % 3 == 0) {
          int64_t *slot = mojo_rt_list_append_slot(b, 24);
          slot[0] = k; slot[1] = -k; slot[2] = k ^ 0x55;
        }
      }
      int64_t sum = 0, bad = 0;
      for (int64_t k = 0; k < a->length; k++) sum += *(int64_t *)mojo_rt_list_at(a, k, 8, 0);
      for (int64_t k = 0; k < b->length; k++) {
        int64_t *slot = mojo_rt_list_at(b, k, 24, 0);
        if (slot[0] != 3 * k || slot[1] != -3 * k || slot[2] != ((3 * k) ^ 0x55)) bad++;
      }
      i(a->length); i(sum); i(b->length); i(bad);
      /* Zero-filled allocations, also after many others. */
      int64_t nonzero = 0;
      for (int k = 0; k < 1000; k++) {
        uint8_t *p = mojo_rt_alloc(40 + k);
        for (int j = 0; j < 40 + k; j++) nonzero += p[j];
        p[0] = 0xff;
      }
      i(nonzero);
      /* Insert at the front of a long list moves every element (memmove with overlap). */
      mojo_rt_list_insert_slot(a, 0, 8, 0);
      *(int64_t *)mojo_rt_list_at(a, 0, 8, 0) = -1;
      i(*(int64_t *)mojo_rt_list_at(a, 0, 8, 0)); i(*(int64_t *)mojo_rt_list_at(a, 1, 8, 0));
      i(*(int64_t *)mojo_rt_list_at(a, 400000, 8, 0));
    }
    """)
  #expect(run.status == 0)
  let sum = (0..<400000).reduce(0) { $0 + 3 * $1 }
  #expect(run.stdout == "400000\n\(sum)\n133334\n0\n0\n-1\n0\n1199997\n")
}

@Test("an impossible allocation is an out-of-memory trap")
func impossibleAllocationTraps() throws {
  let run = try RuntimeHarness.run(
    """
    void mojo_main(void) {
      mojo_rt_print_string(lit("start"));
      mojo_rt_list_new(8, (int64_t)1 << 50);
      mojo_rt_print_string(lit("unreachable"));
    }
    """)
  #expect(run.terminatedBySignal && run.status == 6)  // SIGABRT
  #expect(run.stdout == "start")
  #expect(run.stderr == "mojo: run-time error: out of memory\n")
}

@Test("deep recursion is reported as a stack overflow after flushing stdout")
func stackOverflowIsReported() throws {
  let run = try RuntimeHarness.run(
    """
    static int64_t down(int64_t n) {
      volatile char frame[512];
      frame[0] = (char)n;
      return n < 0 ? 0 : down(n + 1) + frame[0];
    }
    void mojo_main(void) {
      mojo_rt_print_string(lit("before"));
      i(down(0));
    }
    """)
  #expect(run.terminatedBySignal && run.status == 11)  // SIGSEGV, as Mojo 1.2's programs
  #expect(run.stdout == "before")
  #expect(run.stderr == "mojo: run-time error: stack overflow\n")
}
