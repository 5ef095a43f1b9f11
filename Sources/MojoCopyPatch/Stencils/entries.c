// Entry stencils: the C-ABI entry of every function, one per (integer parameter count 0..6,
// float count 0..8; result in rax `_i` or xmm0 `_f`), and `entry_stack_*` for any count beyond. Each allocates the
// frame, stores its SysV argument registers (and stack arguments) into the parameters' slots,
// runs the body and returns what the body's `ret` gave.
// The lines below were written by a loop; keep them in this order.
#include "stencil.h"

// Runs the body: a call to `_CONTINUE` with the frame in R12, in asm because C cannot call a
// preserve_none function without assuming that it clobbers every callee-saved register. The body
// reads R12, uses R13 for `acc` and never touches RBX, RBP, R14 or R15 (Scripts/build-stencils
// checks this in the disassembly of every other stencil), so only what the asm names is
// clobbered: the entry saves R12 and R13 instead of six registers. Stencils are built with -mno-red-zone, as the entry is a
// leaf as far as clang knows.
static inline __attribute__((always_inline)) i64 run_body(char *frame) {
  register char *frame_register __asm__("r12") = frame;
  register i64 result __asm__("rax");
  __asm__ volatile("call _CONTINUE"
                   : "=r"(result), "+r"(frame_register)
                   :
                   : "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "r13", "xmm0", "xmm1", "xmm2", "xmm3",
                     "xmm4", "xmm5", "xmm6", "xmm7", "xmm8", "xmm9", "xmm10", "xmm11", "xmm12", "xmm13",
                     "xmm14", "xmm15", "memory", "cc");
  return result;
}

#define ENTRY(n, m, PARAMS, STORES)                                                                \
  i64 entry_##n##_##m##_i PARAMS {                                                                 \
    char *frame = __builtin_alloca((uintptr_t)_FRAME_SIZE);                                        \
    STORES                                                                                         \
    return run_body(frame);                                                                        \
  }                                                                                                \
  double entry_##n##_##m##_f PARAMS {                                                              \
    char *frame = __builtin_alloca((uintptr_t)_FRAME_SIZE);                                        \
    STORES                                                                                         \
    return __builtin_bit_cast(double, run_body(frame));                                            \
  }

ENTRY(0, 0, (void), )
ENTRY(0, 1, (double f0), F64(_ARG_F0) = f0;)
ENTRY(0, 2, (double f0, double f1), F64(_ARG_F0) = f0; F64(_ARG_F1) = f1;)
ENTRY(0, 3, (double f0, double f1, double f2), F64(_ARG_F0) = f0; F64(_ARG_F1) = f1; F64(_ARG_F2) = f2;)
ENTRY(0, 4, (double f0, double f1, double f2, double f3), F64(_ARG_F0) = f0; F64(_ARG_F1) = f1; F64(_ARG_F2) = f2; F64(_ARG_F3) = f3;)
ENTRY(0, 5, (double f0, double f1, double f2, double f3, double f4), F64(_ARG_F0) = f0; F64(_ARG_F1) = f1; F64(_ARG_F2) = f2; F64(_ARG_F3) = f3; F64(_ARG_F4) = f4;)
ENTRY(0, 6, (double f0, double f1, double f2, double f3, double f4, double f5), F64(_ARG_F0) = f0; F64(_ARG_F1) = f1; F64(_ARG_F2) = f2; F64(_ARG_F3) = f3; F64(_ARG_F4) = f4; F64(_ARG_F5) = f5;)
ENTRY(0, 7, (double f0, double f1, double f2, double f3, double f4, double f5, double f6), F64(_ARG_F0) = f0; F64(_ARG_F1) = f1; F64(_ARG_F2) = f2; F64(_ARG_F3) = f3; F64(_ARG_F4) = f4; F64(_ARG_F5) = f5; F64(_ARG_F6) = f6;)
ENTRY(0, 8, (double f0, double f1, double f2, double f3, double f4, double f5, double f6, double f7), F64(_ARG_F0) = f0; F64(_ARG_F1) = f1; F64(_ARG_F2) = f2; F64(_ARG_F3) = f3; F64(_ARG_F4) = f4; F64(_ARG_F5) = f5; F64(_ARG_F6) = f6; F64(_ARG_F7) = f7;)
ENTRY(1, 0, (i64 i0), I64(_ARG_I0) = i0;)
ENTRY(1, 1, (i64 i0, double f0), I64(_ARG_I0) = i0; F64(_ARG_F0) = f0;)
ENTRY(1, 2, (i64 i0, double f0, double f1), I64(_ARG_I0) = i0; F64(_ARG_F0) = f0; F64(_ARG_F1) = f1;)
ENTRY(1, 3, (i64 i0, double f0, double f1, double f2), I64(_ARG_I0) = i0; F64(_ARG_F0) = f0; F64(_ARG_F1) = f1; F64(_ARG_F2) = f2;)
ENTRY(1, 4, (i64 i0, double f0, double f1, double f2, double f3), I64(_ARG_I0) = i0; F64(_ARG_F0) = f0; F64(_ARG_F1) = f1; F64(_ARG_F2) = f2; F64(_ARG_F3) = f3;)
ENTRY(1, 5, (i64 i0, double f0, double f1, double f2, double f3, double f4), I64(_ARG_I0) = i0; F64(_ARG_F0) = f0; F64(_ARG_F1) = f1; F64(_ARG_F2) = f2; F64(_ARG_F3) = f3; F64(_ARG_F4) = f4;)
ENTRY(1, 6, (i64 i0, double f0, double f1, double f2, double f3, double f4, double f5), I64(_ARG_I0) = i0; F64(_ARG_F0) = f0; F64(_ARG_F1) = f1; F64(_ARG_F2) = f2; F64(_ARG_F3) = f3; F64(_ARG_F4) = f4; F64(_ARG_F5) = f5;)
ENTRY(1, 7, (i64 i0, double f0, double f1, double f2, double f3, double f4, double f5, double f6), I64(_ARG_I0) = i0; F64(_ARG_F0) = f0; F64(_ARG_F1) = f1; F64(_ARG_F2) = f2; F64(_ARG_F3) = f3; F64(_ARG_F4) = f4; F64(_ARG_F5) = f5; F64(_ARG_F6) = f6;)
ENTRY(1, 8, (i64 i0, double f0, double f1, double f2, double f3, double f4, double f5, double f6, double f7), I64(_ARG_I0) = i0; F64(_ARG_F0) = f0; F64(_ARG_F1) = f1; F64(_ARG_F2) = f2; F64(_ARG_F3) = f3; F64(_ARG_F4) = f4; F64(_ARG_F5) = f5; F64(_ARG_F6) = f6; F64(_ARG_F7) = f7;)
ENTRY(2, 0, (i64 i0, i64 i1), I64(_ARG_I0) = i0; I64(_ARG_I1) = i1;)
ENTRY(2, 1, (i64 i0, i64 i1, double f0), I64(_ARG_I0) = i0; I64(_ARG_I1) = i1; F64(_ARG_F0) = f0;)
ENTRY(2, 2, (i64 i0, i64 i1, double f0, double f1), I64(_ARG_I0) = i0; I64(_ARG_I1) = i1; F64(_ARG_F0) = f0; F64(_ARG_F1) = f1;)
ENTRY(2, 3, (i64 i0, i64 i1, double f0, double f1, double f2), I64(_ARG_I0) = i0; I64(_ARG_I1) = i1; F64(_ARG_F0) = f0; F64(_ARG_F1) = f1; F64(_ARG_F2) = f2;)
ENTRY(2, 4, (i64 i0, i64 i1, double f0, double f1, double f2, double f3), I64(_ARG_I0) = i0; I64(_ARG_I1) = i1; F64(_ARG_F0) = f0; F64(_ARG_F1) = f1; F64(_ARG_F2) = f2; F64(_ARG_F3) = f3;)
ENTRY(2, 5, (i64 i0, i64 i1, double f0, double f1, double f2, double f3, double f4), I64(_ARG_I0) = i0; I64(_ARG_I1) = i1; F64(_ARG_F0) = f0; F64(_ARG_F1) = f1; F64(_ARG_F2) = f2; F64(_ARG_F3) = f3; F64(_ARG_F4) = f4;)
ENTRY(2, 6, (i64 i0, i64 i1, double f0, double f1, double f2, double f3, double f4, double f5), I64(_ARG_I0) = i0; I64(_ARG_I1) = i1; F64(_ARG_F0) = f0; F64(_ARG_F1) = f1; F64(_ARG_F2) = f2; F64(_ARG_F3) = f3; F64(_ARG_F4) = f4; F64(_ARG_F5) = f5;)
ENTRY(2, 7, (i64 i0, i64 i1, double f0, double f1, double f2, double f3, double f4, double f5, double f6), I64(_ARG_I0) = i0; I64(_ARG_I1) = i1; F64(_ARG_F0) = f0; F64(_ARG_F1) = f1; F64(_ARG_F2) = f2; F64(_ARG_F3) = f3; F64(_ARG_F4) = f4; F64(_ARG_F5) = f5; F64(_ARG_F6) = f6;)
ENTRY(2, 8, (i64 i0, i64 i1, double f0, double f1, double f2, double f3, double f4, double f5, double f6, double f7), I64(_ARG_I0) = i0; I64(_ARG_I1) = i1; F64(_ARG_F0) = f0; F64(_ARG_F1) = f1; F64(_ARG_F2) = f2; F64(_ARG_F3) = f3; F64(_ARG_F4) = f4; F64(_ARG_F5) = f5; F64(_ARG_F6) = f6; F64(_ARG_F7) = f7;)
ENTRY(3, 0, (i64 i0, i64 i1, i64 i2), I64(_ARG_I0) = i0; I64(_ARG_I1) = i1; I64(_ARG_I2) = i2;)
ENTRY(3, 1, (i64 i0, i64 i1, i64 i2, double f0), I64(_ARG_I0) = i0; I64(_ARG_I1) = i1; I64(_ARG_I2) = i2; F64(_ARG_F0) = f0;)
ENTRY(3, 2, (i64 i0, i64 i1, i64 i2, double f0, double f1), I64(_ARG_I0) = i0; I64(_ARG_I1) = i1; I64(_ARG_I2) = i2; F64(_ARG_F0) = f0; F64(_ARG_F1) = f1;)
ENTRY(3, 3, (i64 i0, i64 i1, i64 i2, double f0, double f1, double f2), I64(_ARG_I0) = i0; I64(_ARG_I1) = i1; I64(_ARG_I2) = i2; F64(_ARG_F0) = f0; F64(_ARG_F1) = f1; F64(_ARG_F2) = f2;)
ENTRY(3, 4, (i64 i0, i64 i1, i64 i2, double f0, double f1, double f2, double f3), I64(_ARG_I0) = i0; I64(_ARG_I1) = i1; I64(_ARG_I2) = i2; F64(_ARG_F0) = f0; F64(_ARG_F1) = f1; F64(_ARG_F2) = f2; F64(_ARG_F3) = f3;)
ENTRY(3, 5, (i64 i0, i64 i1, i64 i2, double f0, double f1, double f2, double f3, double f4), I64(_ARG_I0) = i0; I64(_ARG_I1) = i1; I64(_ARG_I2) = i2; F64(_ARG_F0) = f0; F64(_ARG_F1) = f1; F64(_ARG_F2) = f2; F64(_ARG_F3) = f3; F64(_ARG_F4) = f4;)
ENTRY(3, 6, (i64 i0, i64 i1, i64 i2, double f0, double f1, double f2, double f3, double f4, double f5), I64(_ARG_I0) = i0; I64(_ARG_I1) = i1; I64(_ARG_I2) = i2; F64(_ARG_F0) = f0; F64(_ARG_F1) = f1; F64(_ARG_F2) = f2; F64(_ARG_F3) = f3; F64(_ARG_F4) = f4; F64(_ARG_F5) = f5;)
ENTRY(3, 7, (i64 i0, i64 i1, i64 i2, double f0, double f1, double f2, double f3, double f4, double f5, double f6), I64(_ARG_I0) = i0; I64(_ARG_I1) = i1; I64(_ARG_I2) = i2; F64(_ARG_F0) = f0; F64(_ARG_F1) = f1; F64(_ARG_F2) = f2; F64(_ARG_F3) = f3; F64(_ARG_F4) = f4; F64(_ARG_F5) = f5; F64(_ARG_F6) = f6;)
ENTRY(3, 8, (i64 i0, i64 i1, i64 i2, double f0, double f1, double f2, double f3, double f4, double f5, double f6, double f7), I64(_ARG_I0) = i0; I64(_ARG_I1) = i1; I64(_ARG_I2) = i2; F64(_ARG_F0) = f0; F64(_ARG_F1) = f1; F64(_ARG_F2) = f2; F64(_ARG_F3) = f3; F64(_ARG_F4) = f4; F64(_ARG_F5) = f5; F64(_ARG_F6) = f6; F64(_ARG_F7) = f7;)
ENTRY(4, 0, (i64 i0, i64 i1, i64 i2, i64 i3), I64(_ARG_I0) = i0; I64(_ARG_I1) = i1; I64(_ARG_I2) = i2; I64(_ARG_I3) = i3;)
ENTRY(4, 1, (i64 i0, i64 i1, i64 i2, i64 i3, double f0), I64(_ARG_I0) = i0; I64(_ARG_I1) = i1; I64(_ARG_I2) = i2; I64(_ARG_I3) = i3; F64(_ARG_F0) = f0;)
ENTRY(4, 2, (i64 i0, i64 i1, i64 i2, i64 i3, double f0, double f1), I64(_ARG_I0) = i0; I64(_ARG_I1) = i1; I64(_ARG_I2) = i2; I64(_ARG_I3) = i3; F64(_ARG_F0) = f0; F64(_ARG_F1) = f1;)
ENTRY(4, 3, (i64 i0, i64 i1, i64 i2, i64 i3, double f0, double f1, double f2), I64(_ARG_I0) = i0; I64(_ARG_I1) = i1; I64(_ARG_I2) = i2; I64(_ARG_I3) = i3; F64(_ARG_F0) = f0; F64(_ARG_F1) = f1; F64(_ARG_F2) = f2;)
ENTRY(4, 4, (i64 i0, i64 i1, i64 i2, i64 i3, double f0, double f1, double f2, double f3), I64(_ARG_I0) = i0; I64(_ARG_I1) = i1; I64(_ARG_I2) = i2; I64(_ARG_I3) = i3; F64(_ARG_F0) = f0; F64(_ARG_F1) = f1; F64(_ARG_F2) = f2; F64(_ARG_F3) = f3;)
ENTRY(4, 5, (i64 i0, i64 i1, i64 i2, i64 i3, double f0, double f1, double f2, double f3, double f4), I64(_ARG_I0) = i0; I64(_ARG_I1) = i1; I64(_ARG_I2) = i2; I64(_ARG_I3) = i3; F64(_ARG_F0) = f0; F64(_ARG_F1) = f1; F64(_ARG_F2) = f2; F64(_ARG_F3) = f3; F64(_ARG_F4) = f4;)
ENTRY(4, 6, (i64 i0, i64 i1, i64 i2, i64 i3, double f0, double f1, double f2, double f3, double f4, double f5), I64(_ARG_I0) = i0; I64(_ARG_I1) = i1; I64(_ARG_I2) = i2; I64(_ARG_I3) = i3; F64(_ARG_F0) = f0; F64(_ARG_F1) = f1; F64(_ARG_F2) = f2; F64(_ARG_F3) = f3; F64(_ARG_F4) = f4; F64(_ARG_F5) = f5;)
ENTRY(4, 7, (i64 i0, i64 i1, i64 i2, i64 i3, double f0, double f1, double f2, double f3, double f4, double f5, double f6), I64(_ARG_I0) = i0; I64(_ARG_I1) = i1; I64(_ARG_I2) = i2; I64(_ARG_I3) = i3; F64(_ARG_F0) = f0; F64(_ARG_F1) = f1; F64(_ARG_F2) = f2; F64(_ARG_F3) = f3; F64(_ARG_F4) = f4; F64(_ARG_F5) = f5; F64(_ARG_F6) = f6;)
ENTRY(4, 8, (i64 i0, i64 i1, i64 i2, i64 i3, double f0, double f1, double f2, double f3, double f4, double f5, double f6, double f7), I64(_ARG_I0) = i0; I64(_ARG_I1) = i1; I64(_ARG_I2) = i2; I64(_ARG_I3) = i3; F64(_ARG_F0) = f0; F64(_ARG_F1) = f1; F64(_ARG_F2) = f2; F64(_ARG_F3) = f3; F64(_ARG_F4) = f4; F64(_ARG_F5) = f5; F64(_ARG_F6) = f6; F64(_ARG_F7) = f7;)
ENTRY(5, 0, (i64 i0, i64 i1, i64 i2, i64 i3, i64 i4), I64(_ARG_I0) = i0; I64(_ARG_I1) = i1; I64(_ARG_I2) = i2; I64(_ARG_I3) = i3; I64(_ARG_I4) = i4;)
ENTRY(5, 1, (i64 i0, i64 i1, i64 i2, i64 i3, i64 i4, double f0), I64(_ARG_I0) = i0; I64(_ARG_I1) = i1; I64(_ARG_I2) = i2; I64(_ARG_I3) = i3; I64(_ARG_I4) = i4; F64(_ARG_F0) = f0;)
ENTRY(5, 2, (i64 i0, i64 i1, i64 i2, i64 i3, i64 i4, double f0, double f1), I64(_ARG_I0) = i0; I64(_ARG_I1) = i1; I64(_ARG_I2) = i2; I64(_ARG_I3) = i3; I64(_ARG_I4) = i4; F64(_ARG_F0) = f0; F64(_ARG_F1) = f1;)
ENTRY(5, 3, (i64 i0, i64 i1, i64 i2, i64 i3, i64 i4, double f0, double f1, double f2), I64(_ARG_I0) = i0; I64(_ARG_I1) = i1; I64(_ARG_I2) = i2; I64(_ARG_I3) = i3; I64(_ARG_I4) = i4; F64(_ARG_F0) = f0; F64(_ARG_F1) = f1; F64(_ARG_F2) = f2;)
ENTRY(5, 4, (i64 i0, i64 i1, i64 i2, i64 i3, i64 i4, double f0, double f1, double f2, double f3), I64(_ARG_I0) = i0; I64(_ARG_I1) = i1; I64(_ARG_I2) = i2; I64(_ARG_I3) = i3; I64(_ARG_I4) = i4; F64(_ARG_F0) = f0; F64(_ARG_F1) = f1; F64(_ARG_F2) = f2; F64(_ARG_F3) = f3;)
ENTRY(5, 5, (i64 i0, i64 i1, i64 i2, i64 i3, i64 i4, double f0, double f1, double f2, double f3, double f4), I64(_ARG_I0) = i0; I64(_ARG_I1) = i1; I64(_ARG_I2) = i2; I64(_ARG_I3) = i3; I64(_ARG_I4) = i4; F64(_ARG_F0) = f0; F64(_ARG_F1) = f1; F64(_ARG_F2) = f2; F64(_ARG_F3) = f3; F64(_ARG_F4) = f4;)
ENTRY(5, 6, (i64 i0, i64 i1, i64 i2, i64 i3, i64 i4, double f0, double f1, double f2, double f3, double f4, double f5), I64(_ARG_I0) = i0; I64(_ARG_I1) = i1; I64(_ARG_I2) = i2; I64(_ARG_I3) = i3; I64(_ARG_I4) = i4; F64(_ARG_F0) = f0; F64(_ARG_F1) = f1; F64(_ARG_F2) = f2; F64(_ARG_F3) = f3; F64(_ARG_F4) = f4; F64(_ARG_F5) = f5;)
ENTRY(5, 7, (i64 i0, i64 i1, i64 i2, i64 i3, i64 i4, double f0, double f1, double f2, double f3, double f4, double f5, double f6), I64(_ARG_I0) = i0; I64(_ARG_I1) = i1; I64(_ARG_I2) = i2; I64(_ARG_I3) = i3; I64(_ARG_I4) = i4; F64(_ARG_F0) = f0; F64(_ARG_F1) = f1; F64(_ARG_F2) = f2; F64(_ARG_F3) = f3; F64(_ARG_F4) = f4; F64(_ARG_F5) = f5; F64(_ARG_F6) = f6;)
ENTRY(5, 8, (i64 i0, i64 i1, i64 i2, i64 i3, i64 i4, double f0, double f1, double f2, double f3, double f4, double f5, double f6, double f7), I64(_ARG_I0) = i0; I64(_ARG_I1) = i1; I64(_ARG_I2) = i2; I64(_ARG_I3) = i3; I64(_ARG_I4) = i4; F64(_ARG_F0) = f0; F64(_ARG_F1) = f1; F64(_ARG_F2) = f2; F64(_ARG_F3) = f3; F64(_ARG_F4) = f4; F64(_ARG_F5) = f5; F64(_ARG_F6) = f6; F64(_ARG_F7) = f7;)
ENTRY(6, 0, (i64 i0, i64 i1, i64 i2, i64 i3, i64 i4, i64 i5), I64(_ARG_I0) = i0; I64(_ARG_I1) = i1; I64(_ARG_I2) = i2; I64(_ARG_I3) = i3; I64(_ARG_I4) = i4; I64(_ARG_I5) = i5;)
ENTRY(6, 1, (i64 i0, i64 i1, i64 i2, i64 i3, i64 i4, i64 i5, double f0), I64(_ARG_I0) = i0; I64(_ARG_I1) = i1; I64(_ARG_I2) = i2; I64(_ARG_I3) = i3; I64(_ARG_I4) = i4; I64(_ARG_I5) = i5; F64(_ARG_F0) = f0;)
ENTRY(6, 2, (i64 i0, i64 i1, i64 i2, i64 i3, i64 i4, i64 i5, double f0, double f1), I64(_ARG_I0) = i0; I64(_ARG_I1) = i1; I64(_ARG_I2) = i2; I64(_ARG_I3) = i3; I64(_ARG_I4) = i4; I64(_ARG_I5) = i5; F64(_ARG_F0) = f0; F64(_ARG_F1) = f1;)
ENTRY(6, 3, (i64 i0, i64 i1, i64 i2, i64 i3, i64 i4, i64 i5, double f0, double f1, double f2), I64(_ARG_I0) = i0; I64(_ARG_I1) = i1; I64(_ARG_I2) = i2; I64(_ARG_I3) = i3; I64(_ARG_I4) = i4; I64(_ARG_I5) = i5; F64(_ARG_F0) = f0; F64(_ARG_F1) = f1; F64(_ARG_F2) = f2;)
ENTRY(6, 4, (i64 i0, i64 i1, i64 i2, i64 i3, i64 i4, i64 i5, double f0, double f1, double f2, double f3), I64(_ARG_I0) = i0; I64(_ARG_I1) = i1; I64(_ARG_I2) = i2; I64(_ARG_I3) = i3; I64(_ARG_I4) = i4; I64(_ARG_I5) = i5; F64(_ARG_F0) = f0; F64(_ARG_F1) = f1; F64(_ARG_F2) = f2; F64(_ARG_F3) = f3;)
ENTRY(6, 5, (i64 i0, i64 i1, i64 i2, i64 i3, i64 i4, i64 i5, double f0, double f1, double f2, double f3, double f4), I64(_ARG_I0) = i0; I64(_ARG_I1) = i1; I64(_ARG_I2) = i2; I64(_ARG_I3) = i3; I64(_ARG_I4) = i4; I64(_ARG_I5) = i5; F64(_ARG_F0) = f0; F64(_ARG_F1) = f1; F64(_ARG_F2) = f2; F64(_ARG_F3) = f3; F64(_ARG_F4) = f4;)
ENTRY(6, 6, (i64 i0, i64 i1, i64 i2, i64 i3, i64 i4, i64 i5, double f0, double f1, double f2, double f3, double f4, double f5), I64(_ARG_I0) = i0; I64(_ARG_I1) = i1; I64(_ARG_I2) = i2; I64(_ARG_I3) = i3; I64(_ARG_I4) = i4; I64(_ARG_I5) = i5; F64(_ARG_F0) = f0; F64(_ARG_F1) = f1; F64(_ARG_F2) = f2; F64(_ARG_F3) = f3; F64(_ARG_F4) = f4; F64(_ARG_F5) = f5;)
ENTRY(6, 7, (i64 i0, i64 i1, i64 i2, i64 i3, i64 i4, i64 i5, double f0, double f1, double f2, double f3, double f4, double f5, double f6), I64(_ARG_I0) = i0; I64(_ARG_I1) = i1; I64(_ARG_I2) = i2; I64(_ARG_I3) = i3; I64(_ARG_I4) = i4; I64(_ARG_I5) = i5; F64(_ARG_F0) = f0; F64(_ARG_F1) = f1; F64(_ARG_F2) = f2; F64(_ARG_F3) = f3; F64(_ARG_F4) = f4; F64(_ARG_F5) = f5; F64(_ARG_F6) = f6;)
ENTRY(6, 8, (i64 i0, i64 i1, i64 i2, i64 i3, i64 i4, i64 i5, double f0, double f1, double f2, double f3, double f4, double f5, double f6, double f7), I64(_ARG_I0) = i0; I64(_ARG_I1) = i1; I64(_ARG_I2) = i2; I64(_ARG_I3) = i3; I64(_ARG_I4) = i4; I64(_ARG_I5) = i5; F64(_ARG_F0) = f0; F64(_ARG_F1) = f1; F64(_ARG_F2) = f2; F64(_ARG_F3) = f3; F64(_ARG_F4) = f4; F64(_ARG_F5) = f5; F64(_ARG_F6) = f6; F64(_ARG_F7) = f7;)

// Entries of functions with stack parameters (more than 6 integer or 8 float ones): the register
// parameters are stored as above (the selector points absent ones at a scratch slot), and the
// `_IMM_A` stack parameters are copied, in order, to consecutive slots from `_SLOT_A`; the
// selector then copies each to its parameter's slot. They sit above the return address.
#define ENTRY_WITH_STACK(kind, R, RESULT)                                                          \
  R entry_stack_##kind(i64 i0, i64 i1, i64 i2, i64 i3, i64 i4, i64 i5, double f0, double f1,        \
                       double f2, double f3, double f4, double f5, double f6, double f7) {          \
    char *frame = __builtin_alloca((uintptr_t)_FRAME_SIZE);                                        \
    I64(_ARG_I0) = i0; I64(_ARG_I1) = i1; I64(_ARG_I2) = i2; I64(_ARG_I3) = i3; I64(_ARG_I4) = i4;  \
    I64(_ARG_I5) = i5; F64(_ARG_F0) = f0; F64(_ARG_F1) = f1; F64(_ARG_F2) = f2; F64(_ARG_F3) = f3;  \
    F64(_ARG_F4) = f4; F64(_ARG_F5) = f5; F64(_ARG_F6) = f6; F64(_ARG_F7) = f7;                     \
    i64 *incoming = (i64 *)__builtin_frame_address(0) + 2;                                         \
    i64 *to = (i64 *)(frame + (uintptr_t)_SLOT_A);                                                 \
    i64 count = IMM(_IMM_A);                                                                       \
    for (i64 k = 0; k < count; k++) to[k] = incoming[k];                                           \
    return RESULT(run_body(frame));                                                                \
  }
#define AS_INTEGER(x) (x)
#define AS_DOUBLE(x) __builtin_bit_cast(double, (x))
ENTRY_WITH_STACK(i, i64, AS_INTEGER)
ENTRY_WITH_STACK(f, double, AS_DOUBLE)
