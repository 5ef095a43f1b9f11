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

// Fused compare-and-branch: a comparison followed by a `condbr` on its result (the
// common loop and `if` shape). The result is still stored, as later instructions may read it.
// `condbr_<cmp>_*` jumps to the true target and continues to the false one; `condbr_not_<cmp>_*`
// is for a true target that follows, so its continuation can be dropped.
#define COMPARE_BRANCH(cmp, T, LOAD, LOADIMM, EXPR, PIN)                                             \
  STENCIL(condbr_##cmp##_ss) {                                                                     \
    T a = LOAD(_SLOT_A), b = LOAD(_SLOT_B); i64 c = (EXPR); PIN I64(_SLOT_D) = c;                    \
    if (!c) CONTINUE(); JUMP();                                                                    \
  }                                                                                                \
  STENCIL(condbr_##cmp##_si) {                                                                     \
    T a = LOAD(_SLOT_A), b = LOADIMM(_IMM_B); i64 c = (EXPR); PIN I64(_SLOT_D) = c;                  \
    if (!c) CONTINUE(); JUMP();                                                                    \
  }                                                                                                \
  STENCIL(condbr_not_##cmp##_ss) {                                                                 \
    T a = LOAD(_SLOT_A), b = LOAD(_SLOT_B); i64 c = (EXPR); PIN I64(_SLOT_D) = c;                    \
    if (c) CONTINUE(); JUMP();                                                                     \
  }                                                                                                \
  STENCIL(condbr_not_##cmp##_si) {                                                                 \
    T a = LOAD(_SLOT_A), b = LOADIMM(_IMM_B); i64 c = (EXPR); PIN I64(_SLOT_D) = c;                  \
    if (c) CONTINUE(); JUMP();                                                                     \
  }
COMPARE_BRANCH(ieq, i64, PIN_I64, IMM, a == b, )
COMPARE_BRANCH(ine, i64, PIN_I64, IMM, a != b, )
COMPARE_BRANCH(ilt, i64, PIN_I64, IMM, a < b, )
COMPARE_BRANCH(ile, i64, PIN_I64, IMM, a <= b, )
COMPARE_BRANCH(igt, i64, PIN_I64, IMM, a > b, )
COMPARE_BRANCH(ige, i64, PIN_I64, IMM, a >= b, )
// Float comparisons: ordered, except fne (C's rules, as in float.c). The branch tests the 0/1
// result: branching on the flags needs a parity jump and puts the continuation in the middle.
#define BRANCH_ON_INTEGER(c) __asm__("" : "+r"(c));
COMPARE_BRANCH(feq, double, PIN_F64, FIMM, a == b, BRANCH_ON_INTEGER(c))
COMPARE_BRANCH(fne, double, PIN_F64, FIMM, a != b, BRANCH_ON_INTEGER(c))
COMPARE_BRANCH(flt, double, PIN_F64, FIMM, a < b, BRANCH_ON_INTEGER(c))
COMPARE_BRANCH(fle, double, PIN_F64, FIMM, a <= b, BRANCH_ON_INTEGER(c))
COMPARE_BRANCH(fgt, double, PIN_F64, FIMM, a > b, BRANCH_ON_INTEGER(c))
COMPARE_BRANCH(fge, double, PIN_F64, FIMM, a >= b, BRANCH_ON_INTEGER(c))
