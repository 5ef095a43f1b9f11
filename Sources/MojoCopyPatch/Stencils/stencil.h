// Shared definitions of the copy-and-patch stencils. Read by Scripts/build-stencils only.
//
// Model: every IR value lives in an 8-byte slot of the function's frame; the frame pointer is the
// one argument of every stencil (preserve_none puts it in R12, which C functions preserve, so it
// survives calls). A stencil loads its operands from slots (or takes immediates), computes, stores
// its result into a slot and tail-calls the continuation `_CONTINUE`; the backend patches
// `_CONTINUE` to the next stencil or drops the trailing jump when that stencil follows.
//
// Holes are extern symbols, filled by the backend:
//   _SLOT_A/B/C/D   frame offsets of operands A, B, C and of the result D (declared with a known
//                   small size so clang folds them into disp32 addressing: R_X86_64_32S)
//   _IMM_A/B/C      64-bit immediates (unknown size: movabs, R_X86_64_64)
//   _ARG_I0.._ARG_I9, _ARG_F0.._ARG_F7   frame offsets of the integer / float arguments
//   _FRAME_SIZE     frame size of the entry stencil
//   _CONTINUE, _JUMP_TARGET   the next stencil and a branch target (rel32)
//   _CALLEE         the called function (rel32 or an R_X86_64_PLT32 relocation)
//   _DATA           a read-only data object (R_X86_64_PC32 relocation against .rodata)
// Never compare two holes or a hole with 0: clang assumes distinct, non-null addresses.
#include <stdint.h>

typedef int64_t i64;
typedef uint64_t u64;

typedef __attribute__((preserve_none)) i64 Stencil(char *frame);
extern Stencil _CONTINUE, _JUMP_TARGET;
extern void _CALLEE(void);
extern _Noreturn void mojo_rt_trap_div_zero(void);

extern char _SLOT_A[1], _SLOT_B[1], _SLOT_C[1], _SLOT_D[1], _FRAME_SIZE[1];
extern char _ARG_I0[1], _ARG_I1[1], _ARG_I2[1], _ARG_I3[1], _ARG_I4[1], _ARG_I5[1];
// Integer arguments 7 to 10 travel on the stack (clang writes and reads them there).
extern char _ARG_I6[1], _ARG_I7[1], _ARG_I8[1], _ARG_I9[1];
extern char _ARG_F0[1], _ARG_F1[1], _ARG_F2[1], _ARG_F3[1], _ARG_F4[1], _ARG_F5[1], _ARG_F6[1], _ARG_F7[1];
extern char _IMM_A[], _IMM_B[], _IMM_C[];

#define STENCIL(name) __attribute__((preserve_none)) i64 name(char *frame)
#define CONTINUE() [[clang::musttail]] return _CONTINUE(frame)
#define JUMP() [[clang::musttail]] return _JUMP_TARGET(frame)

// Slot access by type; immediates by type.
#define I64(hole) (*(i64 *)(frame + (uintptr_t)(hole)))
#define F64(hole) (*(double *)(frame + (uintptr_t)(hole)))
#define PTR(hole) (*(char **)(frame + (uintptr_t)(hole)))
// The empty asm hides where an immediate comes from: clang would otherwise assume a hole's
// "address" is non-null and drop, e.g., the zero-divisor test of `ifloordiv_si`.
#define IMM(hole) ({ i64 imm_ = (i64)(uintptr_t)(hole); __asm__("" : "+r"(imm_)); imm_; })
#define FIMM(hole) __builtin_bit_cast(double, (u64)IMM(hole))

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

// Three variants of a binary operation: slot/slot, slot/immediate, immediate/slot. `EXPR` uses
// `a` and `b`; `LOAD` reads an operand of the operation's type.
#define BINARY(name, T, LOAD, LOADIMM, STORE, EXPR)                                                \
  STENCIL(name##_ss) { T a = LOAD(_SLOT_A), b = LOAD(_SLOT_B); STORE(_SLOT_D) = (EXPR); CONTINUE(); } \
  STENCIL(name##_si) { T a = LOAD(_SLOT_A), b = LOADIMM(_IMM_B); STORE(_SLOT_D) = (EXPR); CONTINUE(); } \
  STENCIL(name##_is) { T a = LOADIMM(_IMM_A), b = LOAD(_SLOT_B); STORE(_SLOT_D) = (EXPR); CONTINUE(); }

// A binary operation whose body is a statement block that sets `r`.
#define BINARY_BODY(name, BODY)                                                                    \
  static inline __attribute__((always_inline)) i64 name##_op(i64 a, i64 b) { i64 r; BODY; return r; } \
  BINARY(name, i64, PIN_I64, IMM, I64, name##_op(a, b))

// A unary operation on a slot.
#define UNARY(name, T, LOAD, STORE, EXPR) \
  STENCIL(name##_s) { T a = LOAD(_SLOT_A); STORE(_SLOT_D) = (EXPR); CONTINUE(); }
