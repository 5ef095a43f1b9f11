// Stencils of function entry, branches and returns.
#include "stencil.h"

// The C-ABI entries are in entries.c.

// `ret`: the value in RAX (integers, Bools, pointers) or XMM0 (Float64; `_f` variants), then
// the epilogue of the entry stencil: release the frame (`_FRAME_SIZE`, the function's), restore
// R13 and R12, return. In asm, as the entries.
#define EPILOGUE "addq $_FRAME_SIZE, %rsp\n\tpopq %r13\n\tpopq %r12\n\tretq"
__attribute__((naked)) void ret_s(void) { __asm__("movq _SLOT_A(%r12), %rax\n\t" EPILOGUE); }
__attribute__((naked)) void ret_s_f(void) { __asm__("movsd _SLOT_A(%r12), %xmm0\n\t" EPILOGUE); }
__attribute__((naked)) void ret_i(void) { __asm__("movabsq $_IMM_A, %rax\n\t" EPILOGUE); }
__attribute__((naked)) void ret_i_f(void) { __asm__("movabsq $_IMM_A, %rax\n\tmovq %rax, %xmm0\n\t" EPILOGUE); }
__attribute__((naked)) void ret_v(void) { __asm__(EPILOGUE); }
__attribute__((naked)) void ret_r(void) { __asm__("movq %r13, %rax\n\t" EPILOGUE); }
// `facc` is XMM0 already.
__attribute__((naked)) void ret_f(void) { __asm__(EPILOGUE); }

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
COMPARE_BRANCH(ieq, NINT, i64, a == b, )
COMPARE_BRANCH(ine, NINT, i64, a != b, )
COMPARE_BRANCH(ilt, NINT, i64, a < b, )
COMPARE_BRANCH(ile, NINT, i64, a <= b, )
COMPARE_BRANCH(igt, NINT, i64, a > b, )
COMPARE_BRANCH(ige, NINT, i64, a >= b, )
// Float comparisons: ordered, except fne (C's rules, as in float.c). The branch tests the 0/1
// result: branching on the flags needs a parity jump and puts the continuation in the middle.
#define BRANCH_ON_INTEGER(c) __asm__("" : "+r"(c));
COMPARE_BRANCH(feq, FLT, double, a == b, BRANCH_ON_INTEGER(c))
COMPARE_BRANCH(fne, FLT, double, a != b, BRANCH_ON_INTEGER(c))
COMPARE_BRANCH(flt, FLT, double, a < b, BRANCH_ON_INTEGER(c))
COMPARE_BRANCH(fle, FLT, double, a <= b, BRANCH_ON_INTEGER(c))
COMPARE_BRANCH(fgt, FLT, double, a > b, BRANCH_ON_INTEGER(c))
COMPARE_BRANCH(fge, FLT, double, a >= b, BRANCH_ON_INTEGER(c))

// The latch of a counted loop (`FunctionLowering.lowerCountedLoop`) fused with the loop's
// header: the counter (slot A) steps by the immediate B; while that has not wrapped and the
// counter is still below (`ilt`, a positive step) or above (`igt`, a negative one) the stop (slot
// or immediate C), the loop goes on at the body (`_JUMP_TARGET`), else at the continuation (the
// exit). Signed overflow of the addition is exactly the IR's wrap test for either sign of the step.
#define LOOP(cmp, REL, lc, STOP)                                                                   \
  STENCIL(loop_##cmp##_##lc) {                                                                     \
    i64 next;                                                                                      \
    _Bool wrapped = __builtin_add_overflow(PIN_I64(_SLOT_A), IMM(_IMM_B), &next);                   \
    I64(_SLOT_A) = next;                                                                           \
    if (wrapped || !(next REL (STOP))) CONTINUE();                                                 \
    JUMP();                                                                                        \
  }
LOOP(ilt, <, s, PIN_I64(_SLOT_C))
LOOP(ilt, <, i, IMM(_IMM_C))
LOOP(igt, >, s, PIN_I64(_SLOT_C))
LOOP(igt, >, i, IMM(_IMM_C))
