// Stencils of the i64 and i1 operations (semantics: Sources/MojoIR/Opcode.swift). Class NINT
// takes an immediate as a 32-bit field; division and remainder keep the 64-bit one (their zero
// and -1 divisor tests must not be folded away).
#include "stencil.h"

BINARY(iadd, NINT, INT, i64, WRAP_ADD(a, b))
BINARY(isub, NINT, INT, i64, WRAP_SUB(a, b))
BINARY(imul, NINT, INT, i64, WRAP_MUL(a, b))

// Truncating division: a zero divisor traps; MIN / -1 is MIN (wrapping negation).
BINARY_BODY(idiv, {
  if (b == 0) mojo_rt_trap_div_zero();
  r = b == -1 ? WRAP_NEG(a) : a / b;
})

// Floor division: a zero divisor gives 0; MIN // -1 is MIN.
BINARY_BODY(ifloordiv, {
  if (b == 0) r = 0;
  else if (b == -1) r = WRAP_NEG(a);
  else { r = a / b; if ((a % b != 0) && ((a < 0) != (b < 0))) r -= 1; }
})

// Remainder with the divisor's sign; a zero divisor gives 0.
BINARY_BODY(imod, {
  if (b == 0 || b == -1) r = 0;
  else { r = a % b; if (r != 0 && ((r < 0) != (b < 0))) r += b; }
})

// Unsigned division and remainder (UInt64, UInt): a zero divisor gives 0.
BINARY_BODY(udiv, { r = b == 0 ? 0 : (i64)((u64)a / (u64)b); })
BINARY_BODY(umod, { r = b == 0 ? 0 : (i64)((u64)a % (u64)b); })

BINARY(iand, NINT, INT, i64, a & b)
BINARY(ior, NINT, INT, i64, a | b)
BINARY(ixor, NINT, INT, i64, a ^ b)
BINARY(ishl, NINT, INT, i64, (i64)((u64)a << (b & 63)))
BINARY(ishr, NINT, INT, i64, a >> (b & 63))
BINARY(ushr, NINT, INT, i64, (i64)((u64)a >> (b & 63)))

BINARY(ieq, NINT, INT, i64, a == b)
BINARY(ine, NINT, INT, i64, a != b)
BINARY(ilt, NINT, INT, i64, a < b)
BINARY(ile, NINT, INT, i64, a <= b)
BINARY(igt, NINT, INT, i64, a > b)
BINARY(ige, NINT, INT, i64, a >= b)

UNARY(ineg, INT, INT, i64, WRAP_NEG(a))
UNARY(inot, INT, INT, i64, ~a)

// i1 values are 0 or 1 in a whole slot.
BINARY(band, NINT, INT, i64, a & b)
BINARY(bor, NINT, INT, i64, a | b)
BINARY(bxor, NINT, INT, i64, a ^ b)
UNARY(bnot, INT, INT, i64, a ^ 1)
UNARY(zext, INT, INT, i64, a)
