// Shared definitions of the copy-and-patch stencils. Read by Scripts/build-stencils only.
//
// Model: every IR value has an 8-byte slot in the function's frame; the frame pointer is the
// first argument of every stencil (preserve_none puts it in R12, which C functions preserve, so
// it survives calls). Two more arguments carry a value from one stencil to the next without a
// trip through memory: `acc` (R13, an integer, Bool or pointer value) and `facc` (XMM0, a
// Float64). The selector keeps an instruction's result there when its only use is the next
// instruction, which then reads it from the register; every other value is loaded from and
// stored to its slot. A stencil that neither reads nor writes them passes them on untouched
// (free: they stay in their registers). A stencil loads its operands (from slots, immediates or
// the registers), computes, stores its result (into a slot or a register) and tail-calls the
// continuation `_CONTINUE`; the backend patches `_CONTINUE` to the next stencil or drops the
// trailing jump when that stencil follows.
//
// Operand and result locations in stencil names: `s` slot, `i` immediate, `r` the register of
// the operand's class (`acc` or `facc`); a name ending in `_r` leaves its result in a register.
//
// Holes are extern symbols, filled by the backend:
//   _SLOT_A/B/C/D   frame offsets of operands A, B, C and of the result D (declared with a known
//                   small size so clang folds them into disp32 addressing: R_X86_64_32S)
//   _IMM_A/B/C      64-bit immediates (unknown size: movabs, R_X86_64_64)
//   _IMM_A32/B32    immediates A and B as 32-bit fields (R_X86_64_32S or _32), values in [0, 2^31)
//   _DISP_B         the immediate B as a 32-bit address displacement (loads and stores)
//   _ARG_I0.._ARG_I5, _ARG_F0.._ARG_F7   frame offsets of the register arguments
//   _FRAME_SIZE     frame size of the function (entry and ret stencils)
//   _CONTINUE, _JUMP_TARGET   the next stencil and a branch target (rel32)
//   _CALLEE         the called function (rel32 or an R_X86_64_PLT32 relocation)
//   _DATA           a read-only data object (R_X86_64_PC32 relocation against .rodata)
// Never compare two holes or a hole with 0: clang assumes distinct, non-null addresses.
#include <stdint.h>

typedef int64_t i64;
typedef uint64_t u64;

typedef __attribute__((preserve_none)) i64 Stencil(char *frame, i64 acc, double facc);
extern Stencil _CONTINUE, _JUMP_TARGET;
extern void _CALLEE(void);
extern _Noreturn void mojo_rt_trap_div_zero(void);

extern char _SLOT_A[1], _SLOT_B[1], _SLOT_C[1], _SLOT_D[1], _FRAME_SIZE[1];
extern char _ARG_I0[1], _ARG_I1[1], _ARG_I2[1], _ARG_I3[1], _ARG_I4[1], _ARG_I5[1];
extern char _ARG_F0[1], _ARG_F1[1], _ARG_F2[1], _ARG_F3[1], _ARG_F4[1], _ARG_F5[1], _ARG_F6[1], _ARG_F7[1];
extern char _IMM_A[], _IMM_B[], _IMM_C[];
// The same immediates as 32-bit fields (known small size: R_X86_64_32S or _32), folded into the
// instruction that uses them; the selector passes only values in [0, 2^31) through them.
extern char _IMM_A32[1], _IMM_B32[1];
// An address displacement in [0, 2^31): folded into the addressing mode (R_X86_64_32S).
extern char _DISP_B[1];
#define DISP(hole) ((uintptr_t)(hole))

#define STENCIL(name) __attribute__((preserve_none)) i64 name(char *frame, i64 acc, double facc)
#define CONTINUE() [[clang::musttail]] return _CONTINUE(frame, acc, facc)
#define JUMP() [[clang::musttail]] return _JUMP_TARGET(frame, acc, facc)
// After a call into C: `facc` (XMM0) did not survive, and no value is carried past a call, so
// the continuation gets an arbitrary one (whatever XMM0 holds: an empty asm defines it, where
// `__builtin_nondeterministic_value` cost a `xorps`) instead of clang saving XMM0 around the call.
#define ANY_DOUBLE() ({ double any_; __asm__("" : "=x"(any_)); any_; })
#define CONTINUE_AFTER_CALL() [[clang::musttail]] return _CONTINUE(frame, acc, ANY_DOUBLE())

// Slot access by type; immediates by type.
#define I64(hole) (*(i64 *)(frame + (uintptr_t)(hole)))
#define F64(hole) (*(double *)(frame + (uintptr_t)(hole)))
#define PTR(hole) (*(char **)(frame + (uintptr_t)(hole)))
// The empty asm hides where an immediate comes from: clang would otherwise assume a hole's
// "address" is non-null and drop, e.g., the zero-divisor test of `ifloordiv_si`.
#define IMM(hole) ({ i64 imm_ = (i64)(uintptr_t)(hole); __asm__("" : "+r"(imm_)); imm_; })
#define FIMM(hole) __builtin_bit_cast(double, (u64)IMM(hole))
// Without the empty asm, for operations where clang's non-null assumption changes nothing.
#define SIMM(hole) ((i64)(uintptr_t)(hole))

// Operand loads for arithmetic, forced into a register by an empty asm. Without it clang folds
// the load into the ALU instruction (`add 0x10(%r12), %rax`); a value stored by the previous
// stencil then reaches that folded load through ordinary store forwarding, while a plain `mov`
// load is renamed for free (AMD Zen's memory renaming): a chain of folded loads measured 3x
// slower than clang -O0 on the same loop.
#define PIN_I64(hole) ({ i64 pin_ = I64(hole); __asm__("" : "+r"(pin_)); pin_; })
#define PIN_F64(hole) ({ double pin_ = F64(hole); __asm__("" : "+x"(pin_)); pin_; })

// Wrapping arithmetic without signed-overflow undefined behaviour.
#define WRAP_ADD(a, b) ((i64)((u64)(a) + (u64)(b)))
#define WRAP_SUB(a, b) ((i64)((u64)(a) - (u64)(b)))
#define WRAP_MUL(a, b) ((i64)((u64)(a) * (u64)(b)))
#define WRAP_NEG(a) ((i64)(0 - (u64)(a)))

// Operand `x` of class INT or FLT at location s (slot), i (immediate) or r (register).
#define OPND_INT_s(slot, imm) PIN_I64(slot)
#define OPND_INT_i(slot, imm) IMM(imm)
#define OPND_INT_r(slot, imm) acc
// Class NINT: integers whose immediate is a 32-bit field (`_IMM_A32`, `_IMM_B32`).
#define OPND_NINT_s(slot, imm) PIN_I64(slot)
#define OPND_NINT_i(slot, imm) SIMM(imm##32)
#define OPND_NINT_r(slot, imm) acc
#define OPND_FLT_s(slot, imm) PIN_F64(slot)
#define OPND_FLT_i(slot, imm) FIMM(imm)
#define OPND_FLT_r(slot, imm) facc
// Storing a result of class INT or FLT into the slot D (`s`) or the register (`r`).
#define RESULT_INT_s(v) I64(_SLOT_D) = (v)
#define RESULT_INT_r(v) acc = (v)
#define RESULT_FLT_s(v) F64(_SLOT_D) = (v)
#define RESULT_FLT_r(v) facc = (v)

// One variant of a binary operation: operands of class K and C type T at locations la, lb, the
// result of class RK into the slot (`name_<la><lb>`) or the register (`name_<la><lb>_r`).
#define BIN_VARIANT(name, K, RK, T, la, lb, EXPR)                                                  \
  STENCIL(name##_##la##lb) {                                                                       \
    T a = OPND_##K##_##la(_SLOT_A, _IMM_A), b = OPND_##K##_##lb(_SLOT_B, _IMM_B);                   \
    RESULT_##RK##_s(EXPR); CONTINUE();                                                             \
  }                                                                                                \
  STENCIL(name##_##la##lb##_r) {                                                                   \
    T a = OPND_##K##_##la(_SLOT_A, _IMM_A), b = OPND_##K##_##lb(_SLOT_B, _IMM_B);                   \
    RESULT_##RK##_r(EXPR); CONTINUE();                                                             \
  }
// Every variant of a binary operation: slot/slot, slot/imm, imm/slot, and with one operand in
// the register reg/slot, slot/reg, reg/imm, imm/reg. `EXPR` uses `a` and `b`.
#define BINARY(name, K, RK, T, EXPR)                                                               \
  BIN_VARIANT(name, K, RK, T, s, s, EXPR) BIN_VARIANT(name, K, RK, T, s, i, EXPR)                  \
  BIN_VARIANT(name, K, RK, T, i, s, EXPR) BIN_VARIANT(name, K, RK, T, r, s, EXPR)                  \
  BIN_VARIANT(name, K, RK, T, s, r, EXPR) BIN_VARIANT(name, K, RK, T, r, i, EXPR)                  \
  BIN_VARIANT(name, K, RK, T, i, r, EXPR)

// A binary i64 operation whose body is a statement block that sets `r`.
#define BINARY_BODY(name, BODY)                                                                    \
  static inline __attribute__((always_inline)) i64 name##_op(i64 a, i64 b) { i64 r; BODY; return r; } \
  BINARY(name, INT, INT, i64, name##_op(a, b))

// A unary operation: operand of class K (type T) from the slot or the register, result of class
// RK into the slot or the register: `name_s`, `name_s_r`, `name_r`, `name_r_r`.
#define UNARY(name, K, RK, T, EXPR)                                                                \
  STENCIL(name##_s) { T a = OPND_##K##_s(_SLOT_A, _IMM_A); RESULT_##RK##_s(EXPR); CONTINUE(); }     \
  STENCIL(name##_s_r) { T a = OPND_##K##_s(_SLOT_A, _IMM_A); RESULT_##RK##_r(EXPR); CONTINUE(); }   \
  STENCIL(name##_r) { T a = OPND_##K##_r(_SLOT_A, _IMM_A); RESULT_##RK##_s(EXPR); CONTINUE(); }     \
  STENCIL(name##_r_r) { T a = OPND_##K##_r(_SLOT_A, _IMM_A); RESULT_##RK##_r(EXPR); CONTINUE(); }
