// Call stencils: one per (integer argument count 0..6, float argument count 0..8), result kind;
// calls with stack arguments use `call_stack_*` (below). Arguments are read from their slots into
// the SysV registers; the callee is `_CALLEE`.
// Result kinds: i = i64/ptr in rax, b = i1 (only the low byte is defined: mask it), f = f64 in
// xmm0, v = none. The lines below were written by a loop; keep them in this order.
#include "stencil.h"

#define CALLEE(R, TYPES) ((R (*)TYPES) & _CALLEE)
// After the call the result is left in `acc` (`_r` of i and b) or `facc` (`_r` of f) for the
// next stencil, which reads it from there.
#define CONTINUE_WITH_ACC(v) [[clang::musttail]] return _CONTINUE(frame, (v), ANY_DOUBLE())
#define CONTINUE_WITH_FACC(v) [[clang::musttail]] return _CONTINUE(frame, acc, (v))
#define CALLS(n, m, TYPES, ARGS)                                                                   \
  STENCIL(call_##n##_##m##_i) { I64(_SLOT_D) = CALLEE(i64, TYPES) ARGS; CONTINUE_AFTER_CALL(); }              \
  STENCIL(call_##n##_##m##_b) { I64(_SLOT_D) = CALLEE(uint8_t, TYPES) ARGS & 1; CONTINUE_AFTER_CALL(); }      \
  STENCIL(call_##n##_##m##_f) { F64(_SLOT_D) = CALLEE(double, TYPES) ARGS; CONTINUE_AFTER_CALL(); }           \
  STENCIL(call_##n##_##m##_v) { CALLEE(void, TYPES) ARGS; CONTINUE_AFTER_CALL(); }

// `CALLS_R(name, TYPES, ARGS)`: the same four kinds named `name_<kind>`, plus the results kept
// in a register (`name_<kind>_r`). `call_<n>_<m>_<kind>_r` reads every argument from its slot;
// `call_<n>_<m>_a<k>_<kind>[_r]` takes integer argument k from `acc`, `..._x<k>_...` float
// argument k from `facc` (calls with at most 3 integer and 1 float arguments).
#define CALLS_R(name, TYPES, ARGS)                                                                 \
  STENCIL(name##_i) { I64(_SLOT_D) = CALLEE(i64, TYPES) ARGS; CONTINUE_AFTER_CALL(); }                       \
  STENCIL(name##_b) { I64(_SLOT_D) = CALLEE(uint8_t, TYPES) ARGS & 1; CONTINUE_AFTER_CALL(); }               \
  STENCIL(name##_f) { F64(_SLOT_D) = CALLEE(double, TYPES) ARGS; CONTINUE_AFTER_CALL(); }                    \
  STENCIL(name##_v) { CALLEE(void, TYPES) ARGS; CONTINUE_AFTER_CALL(); }                                     \
  STENCIL(name##_i_r) { i64 r = CALLEE(i64, TYPES) ARGS; CONTINUE_WITH_ACC(r); }                             \
  STENCIL(name##_b_r) { i64 r = CALLEE(uint8_t, TYPES) ARGS & 1; CONTINUE_WITH_ACC(r); }                     \
  STENCIL(name##_f_r) { double r = CALLEE(double, TYPES) ARGS; CONTINUE_WITH_FACC(r); }
#define RESULT_IN_REGISTER(n, m, TYPES, ARGS)                                                      \
  STENCIL(call_##n##_##m##_i_r) { i64 r = CALLEE(i64, TYPES) ARGS; CONTINUE_WITH_ACC(r); }                   \
  STENCIL(call_##n##_##m##_b_r) { i64 r = CALLEE(uint8_t, TYPES) ARGS & 1; CONTINUE_WITH_ACC(r); }           \
  STENCIL(call_##n##_##m##_f_r) { double r = CALLEE(double, TYPES) ARGS; CONTINUE_WITH_FACC(r); }

CALLS(0, 0, (void), ())
CALLS(0, 1, (double), (F64(_ARG_F0)))
CALLS(0, 2, (double, double), (F64(_ARG_F0), F64(_ARG_F1)))
CALLS(0, 3, (double, double, double), (F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2)))
CALLS(0, 4, (double, double, double, double), (F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3)))
CALLS(0, 5, (double, double, double, double, double), (F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3), F64(_ARG_F4)))
CALLS(0, 6, (double, double, double, double, double, double), (F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3), F64(_ARG_F4), F64(_ARG_F5)))
CALLS(0, 7, (double, double, double, double, double, double, double), (F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3), F64(_ARG_F4), F64(_ARG_F5), F64(_ARG_F6)))
CALLS(0, 8, (double, double, double, double, double, double, double, double), (F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3), F64(_ARG_F4), F64(_ARG_F5), F64(_ARG_F6), F64(_ARG_F7)))
CALLS(1, 0, (i64), (I64(_ARG_I0)))
CALLS(1, 1, (i64, double), (I64(_ARG_I0), F64(_ARG_F0)))
CALLS(1, 2, (i64, double, double), (I64(_ARG_I0), F64(_ARG_F0), F64(_ARG_F1)))
CALLS(1, 3, (i64, double, double, double), (I64(_ARG_I0), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2)))
CALLS(1, 4, (i64, double, double, double, double), (I64(_ARG_I0), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3)))
CALLS(1, 5, (i64, double, double, double, double, double), (I64(_ARG_I0), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3), F64(_ARG_F4)))
CALLS(1, 6, (i64, double, double, double, double, double, double), (I64(_ARG_I0), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3), F64(_ARG_F4), F64(_ARG_F5)))
CALLS(1, 7, (i64, double, double, double, double, double, double, double), (I64(_ARG_I0), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3), F64(_ARG_F4), F64(_ARG_F5), F64(_ARG_F6)))
CALLS(1, 8, (i64, double, double, double, double, double, double, double, double), (I64(_ARG_I0), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3), F64(_ARG_F4), F64(_ARG_F5), F64(_ARG_F6), F64(_ARG_F7)))
CALLS(2, 0, (i64, i64), (I64(_ARG_I0), I64(_ARG_I1)))
CALLS(2, 1, (i64, i64, double), (I64(_ARG_I0), I64(_ARG_I1), F64(_ARG_F0)))
CALLS(2, 2, (i64, i64, double, double), (I64(_ARG_I0), I64(_ARG_I1), F64(_ARG_F0), F64(_ARG_F1)))
CALLS(2, 3, (i64, i64, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2)))
CALLS(2, 4, (i64, i64, double, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3)))
CALLS(2, 5, (i64, i64, double, double, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3), F64(_ARG_F4)))
CALLS(2, 6, (i64, i64, double, double, double, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3), F64(_ARG_F4), F64(_ARG_F5)))
CALLS(2, 7, (i64, i64, double, double, double, double, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3), F64(_ARG_F4), F64(_ARG_F5), F64(_ARG_F6)))
CALLS(2, 8, (i64, i64, double, double, double, double, double, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3), F64(_ARG_F4), F64(_ARG_F5), F64(_ARG_F6), F64(_ARG_F7)))
CALLS(3, 0, (i64, i64, i64), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2)))
CALLS(3, 1, (i64, i64, i64, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), F64(_ARG_F0)))
CALLS(3, 2, (i64, i64, i64, double, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), F64(_ARG_F0), F64(_ARG_F1)))
CALLS(3, 3, (i64, i64, i64, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2)))
CALLS(3, 4, (i64, i64, i64, double, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3)))
CALLS(3, 5, (i64, i64, i64, double, double, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3), F64(_ARG_F4)))
CALLS(3, 6, (i64, i64, i64, double, double, double, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3), F64(_ARG_F4), F64(_ARG_F5)))
CALLS(3, 7, (i64, i64, i64, double, double, double, double, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3), F64(_ARG_F4), F64(_ARG_F5), F64(_ARG_F6)))
CALLS(3, 8, (i64, i64, i64, double, double, double, double, double, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3), F64(_ARG_F4), F64(_ARG_F5), F64(_ARG_F6), F64(_ARG_F7)))
CALLS(4, 0, (i64, i64, i64, i64), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), I64(_ARG_I3)))
CALLS(4, 1, (i64, i64, i64, i64, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), I64(_ARG_I3), F64(_ARG_F0)))
CALLS(4, 2, (i64, i64, i64, i64, double, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), I64(_ARG_I3), F64(_ARG_F0), F64(_ARG_F1)))
CALLS(4, 3, (i64, i64, i64, i64, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), I64(_ARG_I3), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2)))
CALLS(4, 4, (i64, i64, i64, i64, double, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), I64(_ARG_I3), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3)))
CALLS(4, 5, (i64, i64, i64, i64, double, double, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), I64(_ARG_I3), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3), F64(_ARG_F4)))
CALLS(4, 6, (i64, i64, i64, i64, double, double, double, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), I64(_ARG_I3), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3), F64(_ARG_F4), F64(_ARG_F5)))
CALLS(4, 7, (i64, i64, i64, i64, double, double, double, double, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), I64(_ARG_I3), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3), F64(_ARG_F4), F64(_ARG_F5), F64(_ARG_F6)))
CALLS(4, 8, (i64, i64, i64, i64, double, double, double, double, double, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), I64(_ARG_I3), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3), F64(_ARG_F4), F64(_ARG_F5), F64(_ARG_F6), F64(_ARG_F7)))
CALLS(5, 0, (i64, i64, i64, i64, i64), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), I64(_ARG_I3), I64(_ARG_I4)))
CALLS(5, 1, (i64, i64, i64, i64, i64, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), I64(_ARG_I3), I64(_ARG_I4), F64(_ARG_F0)))
CALLS(5, 2, (i64, i64, i64, i64, i64, double, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), I64(_ARG_I3), I64(_ARG_I4), F64(_ARG_F0), F64(_ARG_F1)))
CALLS(5, 3, (i64, i64, i64, i64, i64, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), I64(_ARG_I3), I64(_ARG_I4), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2)))
CALLS(5, 4, (i64, i64, i64, i64, i64, double, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), I64(_ARG_I3), I64(_ARG_I4), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3)))
CALLS(5, 5, (i64, i64, i64, i64, i64, double, double, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), I64(_ARG_I3), I64(_ARG_I4), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3), F64(_ARG_F4)))
CALLS(5, 6, (i64, i64, i64, i64, i64, double, double, double, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), I64(_ARG_I3), I64(_ARG_I4), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3), F64(_ARG_F4), F64(_ARG_F5)))
CALLS(5, 7, (i64, i64, i64, i64, i64, double, double, double, double, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), I64(_ARG_I3), I64(_ARG_I4), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3), F64(_ARG_F4), F64(_ARG_F5), F64(_ARG_F6)))
CALLS(5, 8, (i64, i64, i64, i64, i64, double, double, double, double, double, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), I64(_ARG_I3), I64(_ARG_I4), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3), F64(_ARG_F4), F64(_ARG_F5), F64(_ARG_F6), F64(_ARG_F7)))
CALLS(6, 0, (i64, i64, i64, i64, i64, i64), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), I64(_ARG_I3), I64(_ARG_I4), I64(_ARG_I5)))
CALLS(6, 1, (i64, i64, i64, i64, i64, i64, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), I64(_ARG_I3), I64(_ARG_I4), I64(_ARG_I5), F64(_ARG_F0)))
CALLS(6, 2, (i64, i64, i64, i64, i64, i64, double, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), I64(_ARG_I3), I64(_ARG_I4), I64(_ARG_I5), F64(_ARG_F0), F64(_ARG_F1)))
CALLS(6, 3, (i64, i64, i64, i64, i64, i64, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), I64(_ARG_I3), I64(_ARG_I4), I64(_ARG_I5), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2)))
CALLS(6, 4, (i64, i64, i64, i64, i64, i64, double, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), I64(_ARG_I3), I64(_ARG_I4), I64(_ARG_I5), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3)))
CALLS(6, 5, (i64, i64, i64, i64, i64, i64, double, double, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), I64(_ARG_I3), I64(_ARG_I4), I64(_ARG_I5), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3), F64(_ARG_F4)))
CALLS(6, 6, (i64, i64, i64, i64, i64, i64, double, double, double, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), I64(_ARG_I3), I64(_ARG_I4), I64(_ARG_I5), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3), F64(_ARG_F4), F64(_ARG_F5)))
CALLS(6, 7, (i64, i64, i64, i64, i64, i64, double, double, double, double, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), I64(_ARG_I3), I64(_ARG_I4), I64(_ARG_I5), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3), F64(_ARG_F4), F64(_ARG_F5), F64(_ARG_F6)))
CALLS(6, 8, (i64, i64, i64, i64, i64, i64, double, double, double, double, double, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), I64(_ARG_I3), I64(_ARG_I4), I64(_ARG_I5), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3), F64(_ARG_F4), F64(_ARG_F5), F64(_ARG_F6), F64(_ARG_F7)))

// Results in a register, every argument from its slot (written by a loop, in this order).
RESULT_IN_REGISTER(0, 0, (void), ())
RESULT_IN_REGISTER(0, 1, (double), (F64(_ARG_F0)))
RESULT_IN_REGISTER(0, 2, (double, double), (F64(_ARG_F0), F64(_ARG_F1)))
RESULT_IN_REGISTER(0, 3, (double, double, double), (F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2)))
RESULT_IN_REGISTER(0, 4, (double, double, double, double), (F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3)))
RESULT_IN_REGISTER(0, 5, (double, double, double, double, double), (F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3), F64(_ARG_F4)))
RESULT_IN_REGISTER(0, 6, (double, double, double, double, double, double), (F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3), F64(_ARG_F4), F64(_ARG_F5)))
RESULT_IN_REGISTER(0, 7, (double, double, double, double, double, double, double), (F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3), F64(_ARG_F4), F64(_ARG_F5), F64(_ARG_F6)))
RESULT_IN_REGISTER(0, 8, (double, double, double, double, double, double, double, double), (F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3), F64(_ARG_F4), F64(_ARG_F5), F64(_ARG_F6), F64(_ARG_F7)))
RESULT_IN_REGISTER(1, 0, (i64), (I64(_ARG_I0)))
RESULT_IN_REGISTER(1, 1, (i64, double), (I64(_ARG_I0), F64(_ARG_F0)))
RESULT_IN_REGISTER(1, 2, (i64, double, double), (I64(_ARG_I0), F64(_ARG_F0), F64(_ARG_F1)))
RESULT_IN_REGISTER(1, 3, (i64, double, double, double), (I64(_ARG_I0), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2)))
RESULT_IN_REGISTER(1, 4, (i64, double, double, double, double), (I64(_ARG_I0), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3)))
RESULT_IN_REGISTER(1, 5, (i64, double, double, double, double, double), (I64(_ARG_I0), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3), F64(_ARG_F4)))
RESULT_IN_REGISTER(1, 6, (i64, double, double, double, double, double, double), (I64(_ARG_I0), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3), F64(_ARG_F4), F64(_ARG_F5)))
RESULT_IN_REGISTER(1, 7, (i64, double, double, double, double, double, double, double), (I64(_ARG_I0), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3), F64(_ARG_F4), F64(_ARG_F5), F64(_ARG_F6)))
RESULT_IN_REGISTER(1, 8, (i64, double, double, double, double, double, double, double, double), (I64(_ARG_I0), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3), F64(_ARG_F4), F64(_ARG_F5), F64(_ARG_F6), F64(_ARG_F7)))
RESULT_IN_REGISTER(2, 0, (i64, i64), (I64(_ARG_I0), I64(_ARG_I1)))
RESULT_IN_REGISTER(2, 1, (i64, i64, double), (I64(_ARG_I0), I64(_ARG_I1), F64(_ARG_F0)))
RESULT_IN_REGISTER(2, 2, (i64, i64, double, double), (I64(_ARG_I0), I64(_ARG_I1), F64(_ARG_F0), F64(_ARG_F1)))
RESULT_IN_REGISTER(2, 3, (i64, i64, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2)))
RESULT_IN_REGISTER(2, 4, (i64, i64, double, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3)))
RESULT_IN_REGISTER(2, 5, (i64, i64, double, double, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3), F64(_ARG_F4)))
RESULT_IN_REGISTER(2, 6, (i64, i64, double, double, double, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3), F64(_ARG_F4), F64(_ARG_F5)))
RESULT_IN_REGISTER(2, 7, (i64, i64, double, double, double, double, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3), F64(_ARG_F4), F64(_ARG_F5), F64(_ARG_F6)))
RESULT_IN_REGISTER(2, 8, (i64, i64, double, double, double, double, double, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3), F64(_ARG_F4), F64(_ARG_F5), F64(_ARG_F6), F64(_ARG_F7)))
RESULT_IN_REGISTER(3, 0, (i64, i64, i64), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2)))
RESULT_IN_REGISTER(3, 1, (i64, i64, i64, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), F64(_ARG_F0)))
RESULT_IN_REGISTER(3, 2, (i64, i64, i64, double, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), F64(_ARG_F0), F64(_ARG_F1)))
RESULT_IN_REGISTER(3, 3, (i64, i64, i64, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2)))
RESULT_IN_REGISTER(3, 4, (i64, i64, i64, double, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3)))
RESULT_IN_REGISTER(3, 5, (i64, i64, i64, double, double, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3), F64(_ARG_F4)))
RESULT_IN_REGISTER(3, 6, (i64, i64, i64, double, double, double, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3), F64(_ARG_F4), F64(_ARG_F5)))
RESULT_IN_REGISTER(3, 7, (i64, i64, i64, double, double, double, double, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3), F64(_ARG_F4), F64(_ARG_F5), F64(_ARG_F6)))
RESULT_IN_REGISTER(3, 8, (i64, i64, i64, double, double, double, double, double, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3), F64(_ARG_F4), F64(_ARG_F5), F64(_ARG_F6), F64(_ARG_F7)))
RESULT_IN_REGISTER(4, 0, (i64, i64, i64, i64), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), I64(_ARG_I3)))
RESULT_IN_REGISTER(4, 1, (i64, i64, i64, i64, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), I64(_ARG_I3), F64(_ARG_F0)))
RESULT_IN_REGISTER(4, 2, (i64, i64, i64, i64, double, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), I64(_ARG_I3), F64(_ARG_F0), F64(_ARG_F1)))
RESULT_IN_REGISTER(4, 3, (i64, i64, i64, i64, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), I64(_ARG_I3), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2)))
RESULT_IN_REGISTER(4, 4, (i64, i64, i64, i64, double, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), I64(_ARG_I3), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3)))
RESULT_IN_REGISTER(4, 5, (i64, i64, i64, i64, double, double, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), I64(_ARG_I3), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3), F64(_ARG_F4)))
RESULT_IN_REGISTER(4, 6, (i64, i64, i64, i64, double, double, double, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), I64(_ARG_I3), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3), F64(_ARG_F4), F64(_ARG_F5)))
RESULT_IN_REGISTER(4, 7, (i64, i64, i64, i64, double, double, double, double, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), I64(_ARG_I3), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3), F64(_ARG_F4), F64(_ARG_F5), F64(_ARG_F6)))
RESULT_IN_REGISTER(4, 8, (i64, i64, i64, i64, double, double, double, double, double, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), I64(_ARG_I3), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3), F64(_ARG_F4), F64(_ARG_F5), F64(_ARG_F6), F64(_ARG_F7)))
RESULT_IN_REGISTER(5, 0, (i64, i64, i64, i64, i64), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), I64(_ARG_I3), I64(_ARG_I4)))
RESULT_IN_REGISTER(5, 1, (i64, i64, i64, i64, i64, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), I64(_ARG_I3), I64(_ARG_I4), F64(_ARG_F0)))
RESULT_IN_REGISTER(5, 2, (i64, i64, i64, i64, i64, double, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), I64(_ARG_I3), I64(_ARG_I4), F64(_ARG_F0), F64(_ARG_F1)))
RESULT_IN_REGISTER(5, 3, (i64, i64, i64, i64, i64, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), I64(_ARG_I3), I64(_ARG_I4), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2)))
RESULT_IN_REGISTER(5, 4, (i64, i64, i64, i64, i64, double, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), I64(_ARG_I3), I64(_ARG_I4), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3)))
RESULT_IN_REGISTER(5, 5, (i64, i64, i64, i64, i64, double, double, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), I64(_ARG_I3), I64(_ARG_I4), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3), F64(_ARG_F4)))
RESULT_IN_REGISTER(5, 6, (i64, i64, i64, i64, i64, double, double, double, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), I64(_ARG_I3), I64(_ARG_I4), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3), F64(_ARG_F4), F64(_ARG_F5)))
RESULT_IN_REGISTER(5, 7, (i64, i64, i64, i64, i64, double, double, double, double, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), I64(_ARG_I3), I64(_ARG_I4), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3), F64(_ARG_F4), F64(_ARG_F5), F64(_ARG_F6)))
RESULT_IN_REGISTER(5, 8, (i64, i64, i64, i64, i64, double, double, double, double, double, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), I64(_ARG_I3), I64(_ARG_I4), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3), F64(_ARG_F4), F64(_ARG_F5), F64(_ARG_F6), F64(_ARG_F7)))
RESULT_IN_REGISTER(6, 0, (i64, i64, i64, i64, i64, i64), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), I64(_ARG_I3), I64(_ARG_I4), I64(_ARG_I5)))
RESULT_IN_REGISTER(6, 1, (i64, i64, i64, i64, i64, i64, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), I64(_ARG_I3), I64(_ARG_I4), I64(_ARG_I5), F64(_ARG_F0)))
RESULT_IN_REGISTER(6, 2, (i64, i64, i64, i64, i64, i64, double, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), I64(_ARG_I3), I64(_ARG_I4), I64(_ARG_I5), F64(_ARG_F0), F64(_ARG_F1)))
RESULT_IN_REGISTER(6, 3, (i64, i64, i64, i64, i64, i64, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), I64(_ARG_I3), I64(_ARG_I4), I64(_ARG_I5), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2)))
RESULT_IN_REGISTER(6, 4, (i64, i64, i64, i64, i64, i64, double, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), I64(_ARG_I3), I64(_ARG_I4), I64(_ARG_I5), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3)))
RESULT_IN_REGISTER(6, 5, (i64, i64, i64, i64, i64, i64, double, double, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), I64(_ARG_I3), I64(_ARG_I4), I64(_ARG_I5), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3), F64(_ARG_F4)))
RESULT_IN_REGISTER(6, 6, (i64, i64, i64, i64, i64, i64, double, double, double, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), I64(_ARG_I3), I64(_ARG_I4), I64(_ARG_I5), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3), F64(_ARG_F4), F64(_ARG_F5)))
RESULT_IN_REGISTER(6, 7, (i64, i64, i64, i64, i64, i64, double, double, double, double, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), I64(_ARG_I3), I64(_ARG_I4), I64(_ARG_I5), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3), F64(_ARG_F4), F64(_ARG_F5), F64(_ARG_F6)))
RESULT_IN_REGISTER(6, 8, (i64, i64, i64, i64, i64, i64, double, double, double, double, double, double, double, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), I64(_ARG_I3), I64(_ARG_I4), I64(_ARG_I5), F64(_ARG_F0), F64(_ARG_F1), F64(_ARG_F2), F64(_ARG_F3), F64(_ARG_F4), F64(_ARG_F5), F64(_ARG_F6), F64(_ARG_F7)))

// One argument from a register (written by a loop, in this order).
CALLS_R(call_0_1_x0, (double), (facc))
CALLS_R(call_1_0_a0, (i64), (acc))
CALLS_R(call_1_1_a0, (i64, double), (acc, F64(_ARG_F0)))
CALLS_R(call_1_1_x0, (i64, double), (I64(_ARG_I0), facc))
CALLS_R(call_2_0_a0, (i64, i64), (acc, I64(_ARG_I1)))
CALLS_R(call_2_0_a1, (i64, i64), (I64(_ARG_I0), acc))
CALLS_R(call_2_1_a0, (i64, i64, double), (acc, I64(_ARG_I1), F64(_ARG_F0)))
CALLS_R(call_2_1_a1, (i64, i64, double), (I64(_ARG_I0), acc, F64(_ARG_F0)))
CALLS_R(call_2_1_x0, (i64, i64, double), (I64(_ARG_I0), I64(_ARG_I1), facc))
CALLS_R(call_3_0_a0, (i64, i64, i64), (acc, I64(_ARG_I1), I64(_ARG_I2)))
CALLS_R(call_3_0_a1, (i64, i64, i64), (I64(_ARG_I0), acc, I64(_ARG_I2)))
CALLS_R(call_3_0_a2, (i64, i64, i64), (I64(_ARG_I0), I64(_ARG_I1), acc))
CALLS_R(call_3_1_a0, (i64, i64, i64, double), (acc, I64(_ARG_I1), I64(_ARG_I2), F64(_ARG_F0)))
CALLS_R(call_3_1_a1, (i64, i64, i64, double), (I64(_ARG_I0), acc, I64(_ARG_I2), F64(_ARG_F0)))
CALLS_R(call_3_1_a2, (i64, i64, i64, double), (I64(_ARG_I0), I64(_ARG_I1), acc, F64(_ARG_F0)))
CALLS_R(call_3_1_x0, (i64, i64, i64, double), (I64(_ARG_I0), I64(_ARG_I1), I64(_ARG_I2), facc))

// Calls with stack arguments (more than 6 integer or 8 float arguments, any number): the
// register arguments come from their slots as above; the selector has copied the `_IMM_B` stack
// arguments, in order, to consecutive slots from `_SLOT_A`; `_IMM_A` is the stack space to
// reserve (8 bytes per argument, plus 8 when their count is odd: the body runs with RSP 16-byte
// aligned, and the call needs it aligned).
#define CALL_WITH_STACK(kind, RESULT)                                                              \
  STENCIL(call_stack_##kind) {                                                                     \
    __asm__ volatile("movabsq $_IMM_A, %%rax\n\t"                                                  \
                     "subq %%rax, %%rsp\n\t"                                                       \
                     "movabsq $_IMM_B, %%rcx\n\t"                                                  \
                     "leaq _SLOT_A(%[frame]), %%rsi\n\t"                                           \
                     "movq %%rsp, %%rdi\n\t"                                                       \
                     "rep movsq\n\t"                                                               \
                     "movq _ARG_I0(%[frame]), %%rdi\n\t"                                           \
                     "movq _ARG_I1(%[frame]), %%rsi\n\t"                                           \
                     "movq _ARG_I2(%[frame]), %%rdx\n\t"                                           \
                     "movq _ARG_I3(%[frame]), %%rcx\n\t"                                           \
                     "movq _ARG_I4(%[frame]), %%r8\n\t"                                            \
                     "movq _ARG_I5(%[frame]), %%r9\n\t"                                            \
                     "movsd _ARG_F0(%[frame]), %%xmm0\n\t"                                         \
                     "movsd _ARG_F1(%[frame]), %%xmm1\n\t"                                         \
                     "movsd _ARG_F2(%[frame]), %%xmm2\n\t"                                         \
                     "movsd _ARG_F3(%[frame]), %%xmm3\n\t"                                         \
                     "movsd _ARG_F4(%[frame]), %%xmm4\n\t"                                         \
                     "movsd _ARG_F5(%[frame]), %%xmm5\n\t"                                         \
                     "movsd _ARG_F6(%[frame]), %%xmm6\n\t"                                         \
                     "movsd _ARG_F7(%[frame]), %%xmm7\n\t"                                         \
                     "callq _CALLEE\n\t"                                                           \
                     "movabsq $_IMM_A, %%rcx\n\t"                                                  \
                     "addq %%rcx, %%rsp\n\t"                                                       \
                     RESULT                                                                        \
                     :                                                                             \
                     : [frame] "r"(frame)                                                          \
                     : "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11", "xmm0", "xmm1", \
                       "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7", "xmm8", "xmm9", "xmm10",     \
                       "xmm11", "xmm12", "xmm13", "xmm14", "xmm15", "memory", "cc");                \
    CONTINUE_AFTER_CALL();                                                                         \
  }
CALL_WITH_STACK(i, "movq %%rax, _SLOT_D(%[frame])")
CALL_WITH_STACK(b, "andl $1, %%eax\n\tmovq %%rax, _SLOT_D(%[frame])")
CALL_WITH_STACK(f, "movsd %%xmm0, _SLOT_D(%[frame])")
CALL_WITH_STACK(v, "")
