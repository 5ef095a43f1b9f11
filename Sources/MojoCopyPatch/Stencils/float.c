// Stencils of the f64 operations and conversions (semantics: Sources/MojoIR/Opcode.swift).
// C's == < <= > >= are ordered comparisons and != is unordered, exactly the IR's rules.
#include "stencil.h"

BINARY(fadd, double, PIN_F64, FIMM, F64, a + b)
BINARY(fsub, double, PIN_F64, FIMM, F64, a - b)
BINARY(fmul, double, PIN_F64, FIMM, F64, a * b)
BINARY(fdiv, double, PIN_F64, FIMM, F64, a / b)

BINARY(feq, double, PIN_F64, FIMM, I64, a == b)
BINARY(fne, double, PIN_F64, FIMM, I64, a != b)
BINARY(flt, double, PIN_F64, FIMM, I64, a < b)
BINARY(fle, double, PIN_F64, FIMM, I64, a <= b)
BINARY(fgt, double, PIN_F64, FIMM, I64, a > b)
BINARY(fge, double, PIN_F64, FIMM, I64, a >= b)

// Flips the sign bit with integer operations: a float negation would load its mask from a
// constant pool, which a stencil cannot have.
UNARY(fneg, i64, PIN_I64, I64, a ^ INT64_MIN)
// -fno-math-errno lets this be a plain sqrtsd (correctly rounded).
UNARY(fsqrt, double, PIN_F64, F64, __builtin_sqrt(a))

UNARY(sitofp, i64, I64, F64, (double)a)

// Truncation toward zero, saturating at the i64 limits; NaN gives 0. cvttsd2si gives INT64_MIN
// for NaN and out-of-range inputs; only then is the input examined (comparing with 0.0 needs no
// constant pool, unlike a comparison with 2^63). C's (i64)x would be undefined out of range.
static inline __attribute__((always_inline)) i64 saturating_fptosi(double x) {
  i64 r;
  __asm__("cvttsd2si %1, %0" : "=r"(r) : "x"(x));
  if (r == INT64_MIN) {
    if (x != x) r = 0;
    else if (x > 0) r = INT64_MAX;
  }
  return r;
}
UNARY(fptosi, double, F64, I64, saturating_fptosi(a))
