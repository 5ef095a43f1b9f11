// Stencils of the f64 operations and conversions (semantics: Sources/MojoIR/Opcode.swift).
// C's == < <= > >= are ordered comparisons and != is unordered, exactly the IR's rules.
#include "stencil.h"

BINARY(fadd, FLT, FLT, double, a + b)
BINARY(fsub, FLT, FLT, double, a - b)
BINARY(fmul, FLT, FLT, double, a * b)
BINARY(fdiv, FLT, FLT, double, a / b)

BINARY(feq, FLT, INT, double, a == b)
BINARY(fne, FLT, INT, double, a != b)
BINARY(flt, FLT, INT, double, a < b)
BINARY(fle, FLT, INT, double, a <= b)
BINARY(fgt, FLT, INT, double, a > b)
BINARY(fge, FLT, INT, double, a >= b)

// Flips the sign bit with integer operations (the empty asm keeps the bits in a general
// register): a float negation would load its mask from a constant pool, which a stencil cannot have.
static inline __attribute__((always_inline)) double flip_sign(double x) {
  i64 bits = __builtin_bit_cast(i64, x);
  __asm__("" : "+r"(bits));
  return __builtin_bit_cast(double, bits ^ INT64_MIN);
}
UNARY(fneg, FLT, FLT, double, flip_sign(a))
// -fno-math-errno lets this be a plain sqrtsd (correctly rounded).
UNARY(fsqrt, FLT, FLT, double, __builtin_sqrt(a))

// Float32 values live in f64 slots: round to binary32 and back (cvtsd2ss, cvtss2sd).
UNARY(fround32, FLT, FLT, double, (double)(float)a)

UNARY(sitofp, INT, FLT, i64, (double)a)

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
UNARY(fptosi, FLT, INT, double, saturating_fptosi(a))
