// Stencils of function entry, branches and returns.
#include "stencil.h"

// The C-ABI entry of every function: allocates the frame, stores the SysV argument registers into
// their slots (unused ones into a scratch slot), runs the body and returns what `ret` gave. The
// body is *called* (it uses preserve_none), so this stencil saves the callee-saved registers.
#define ENTRY(name, R, RESULT)                                                                     \
  R name(i64 i0, i64 i1, i64 i2, i64 i3, i64 i4, i64 i5, double f0, double f1, double f2,          \
         double f3, double f4, double f5, double f6, double f7) {                                  \
    char *frame = __builtin_alloca((uintptr_t)_FRAME_SIZE);                                        \
    I64(_ARG_I0) = i0; I64(_ARG_I1) = i1; I64(_ARG_I2) = i2;                                       \
    I64(_ARG_I3) = i3; I64(_ARG_I4) = i4; I64(_ARG_I5) = i5;                                       \
    F64(_ARG_F0) = f0; F64(_ARG_F1) = f1; F64(_ARG_F2) = f2; F64(_ARG_F3) = f3;                   \
    F64(_ARG_F4) = f4; F64(_ARG_F5) = f5; F64(_ARG_F6) = f6; F64(_ARG_F7) = f7;                   \
    i64 result = _CONTINUE(frame);                                                                 \
    return RESULT;                                                                                 \
  }
ENTRY(entry_i, i64, result)
ENTRY(entry_f, double, __builtin_bit_cast(double, result))

// `ret`: the body returns its value as 64 bits to the entry stencil.
STENCIL(ret_s) { return I64(_SLOT_A); }
STENCIL(ret_i) { return IMM(_IMM_A); }
STENCIL(ret_v) { return 0; }

// `br`: the continuation is the target (and disappears when the target follows).
STENCIL(jump) { CONTINUE(); }

// `condbr`: the continuation last, so the fall-through case costs nothing.
STENCIL(condbr_s) { if (I64(_SLOT_A) == 0) CONTINUE(); JUMP(); }
STENCIL(condbr_not_s) { if (I64(_SLOT_A) != 0) CONTINUE(); JUMP(); }

STENCIL(unreachable) { __builtin_trap(); }

// Fused compare-and-branch: an integer comparison followed by a `condbr` on its result (the
// common loop and `if` shape). The result is still stored, as later instructions may read it.
// `condbr_<cmp>_*` jumps to the true target and continues to the false one; `condbr_not_<cmp>_*`
// is for a true target that follows, so its continuation can be dropped.
#define COMPARE_BRANCH(cmp, EXPR)                                                                  \
  STENCIL(condbr_##cmp##_ss) {                                                                     \
    i64 a = PIN_I64(_SLOT_A), b = PIN_I64(_SLOT_B), c = (EXPR); I64(_SLOT_D) = c;                  \
    if (!c) CONTINUE(); JUMP();                                                                    \
  }                                                                                                \
  STENCIL(condbr_##cmp##_si) {                                                                     \
    i64 a = PIN_I64(_SLOT_A), b = IMM(_IMM_B), c = (EXPR); I64(_SLOT_D) = c;                       \
    if (!c) CONTINUE(); JUMP();                                                                    \
  }                                                                                                \
  STENCIL(condbr_not_##cmp##_ss) {                                                                 \
    i64 a = PIN_I64(_SLOT_A), b = PIN_I64(_SLOT_B), c = (EXPR); I64(_SLOT_D) = c;                  \
    if (c) CONTINUE(); JUMP();                                                                     \
  }                                                                                                \
  STENCIL(condbr_not_##cmp##_si) {                                                                 \
    i64 a = PIN_I64(_SLOT_A), b = IMM(_IMM_B), c = (EXPR); I64(_SLOT_D) = c;                       \
    if (c) CONTINUE(); JUMP();                                                                     \
  }
COMPARE_BRANCH(ieq, a == b)
COMPARE_BRANCH(ine, a != b)
COMPARE_BRANCH(ilt, a < b)
COMPARE_BRANCH(ile, a <= b)
COMPARE_BRANCH(igt, a > b)
COMPARE_BRANCH(ige, a >= b)
