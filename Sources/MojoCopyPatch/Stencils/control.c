// Stencils of function entry, branches and returns.
#include "stencil.h"

// The C-ABI entries are in entries.c.

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
