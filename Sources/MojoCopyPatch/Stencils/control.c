// Stencils of function entry, branches and returns.
#include "stencil.h"

// The C-ABI entries are in entries.c.

// `ret`: the body returns its value as 64 bits to the entry stencil.
STENCIL(ret_s) { return I64(_SLOT_A); }
STENCIL(ret_i) { return IMM(_IMM_A); }
STENCIL(ret_v) { return 0; }
STENCIL(ret_r) { return acc; }
STENCIL(ret_f) { return __builtin_bit_cast(i64, facc); }

// `br`: the continuation is the target (and disappears when the target follows).
STENCIL(jump) { CONTINUE(); }

// `condbr`: the continuation last, so the fall-through case costs nothing.
STENCIL(condbr_s) { if (I64(_SLOT_A) == 0) CONTINUE(); JUMP(); }
STENCIL(condbr_not_s) { if (I64(_SLOT_A) != 0) CONTINUE(); JUMP(); }
// The empty asm hides that the tested copy is `acc`: clang would otherwise pass a literal 0 on.
#define ACC_COPY() ({ i64 c_ = acc; __asm__("" : "+r"(c_)); c_; })
STENCIL(condbr_r) { if (ACC_COPY() == 0) CONTINUE(); JUMP(); }
STENCIL(condbr_not_r) { if (ACC_COPY() != 0) CONTINUE(); JUMP(); }

STENCIL(unreachable) { __builtin_trap(); }

// Fused compare-and-branch: a comparison followed by a `condbr` on its result (the common loop
// and `if` shape). `condbr_<cmp>_<la><lb>` jumps to the true target and continues to the false
// one; `condbr_not_<cmp>_*` is for a true target that follows, so its continuation can be
// dropped. The variants without a suffix still store the result (later instructions read it);
// `_n` variants are for a result whose only use is the branch.
#define CB_VARIANT(cmp, K, T, la, lb, sfx, EXPR, PIN, STORE)                                       \
  STENCIL(condbr_##cmp##_##la##lb##sfx) {                                                          \
    T a = OPND_##K##_##la(_SLOT_A, _IMM_A), b = OPND_##K##_##lb(_SLOT_B, _IMM_B);                   \
    i64 c = (EXPR); PIN STORE if (!c) CONTINUE(); JUMP();                                          \
  }                                                                                                \
  STENCIL(condbr_not_##cmp##_##la##lb##sfx) {                                                      \
    T a = OPND_##K##_##la(_SLOT_A, _IMM_A), b = OPND_##K##_##lb(_SLOT_B, _IMM_B);                   \
    i64 c = (EXPR); PIN STORE if (c) CONTINUE(); JUMP();                                           \
  }
#define STORED I64(_SLOT_D) = c;
#define COMPARE_BRANCH(cmp, K, T, EXPR, PIN)                                                       \
  CB_VARIANT(cmp, K, T, s, s, , EXPR, PIN, STORED) CB_VARIANT(cmp, K, T, s, i, , EXPR, PIN, STORED) \
  CB_VARIANT(cmp, K, T, s, s, _n, EXPR, PIN, ) CB_VARIANT(cmp, K, T, s, i, _n, EXPR, PIN, )       \
  CB_VARIANT(cmp, K, T, r, s, _n, EXPR, PIN, ) CB_VARIANT(cmp, K, T, s, r, _n, EXPR, PIN, )       \
  CB_VARIANT(cmp, K, T, r, i, _n, EXPR, PIN, )
COMPARE_BRANCH(ieq, INT, i64, a == b, )
COMPARE_BRANCH(ine, INT, i64, a != b, )
COMPARE_BRANCH(ilt, INT, i64, a < b, )
COMPARE_BRANCH(ile, INT, i64, a <= b, )
COMPARE_BRANCH(igt, INT, i64, a > b, )
COMPARE_BRANCH(ige, INT, i64, a >= b, )
// Float comparisons: ordered, except fne (C's rules, as in float.c). The branch tests the 0/1
// result: branching on the flags needs a parity jump and puts the continuation in the middle.
#define BRANCH_ON_INTEGER(c) __asm__("" : "+r"(c));
COMPARE_BRANCH(feq, FLT, double, a == b, BRANCH_ON_INTEGER(c))
COMPARE_BRANCH(fne, FLT, double, a != b, BRANCH_ON_INTEGER(c))
COMPARE_BRANCH(flt, FLT, double, a < b, BRANCH_ON_INTEGER(c))
COMPARE_BRANCH(fle, FLT, double, a <= b, BRANCH_ON_INTEGER(c))
COMPARE_BRANCH(fgt, FLT, double, a > b, BRANCH_ON_INTEGER(c))
COMPARE_BRANCH(fge, FLT, double, a >= b, BRANCH_ON_INTEGER(c))
