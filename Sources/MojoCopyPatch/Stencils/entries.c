// Entry stencils: the C-ABI entry of every function, one per (integer parameter count 0..6,
// float count 0..8), and `entry_stack` for more parameters than the registers hold. Each saves
// R12 (the frame register) and R13 (`acc`), reserves the frame below them, stores its SysV
// argument registers into the parameters' slots and jumps into the body; the body's `ret`
// stencil (control.c) releases the frame, restores them and returns. Written in asm (naked
// functions): C would call the body instead of jumping to it and could not reserve a frame of a
// patched size without alloca's arithmetic. `_FRAME_SIZE` is 8 modulo 16, so the body runs with
// RSP 16-byte aligned (the stencils are compiled for that: see Scripts/build-stencils). The
// ENTRY lines below were written by a loop; keep them in this order.
#include "stencil.h"

#define PROLOGUE                                                                                   \
  "pushq %r12\n\t"                                                                                  \
  "pushq %r13\n\t"                                                                                  \
  "subq $_FRAME_SIZE, %rsp\n\t"                                                                     \
  "movq %rsp, %r12\n\t"
#define STORE_I(k, reg) "movq %" #reg ", _ARG_I" #k "(%r12)\n\t"
#define STORE_F(k) "movsd %xmm" #k ", _ARG_F" #k "(%r12)\n\t"
#define ENTRY(n, m, ...) \
  __attribute__((naked)) void entry_##n##_##m(void) { __asm__(PROLOGUE __VA_ARGS__ "jmp _CONTINUE"); }

ENTRY(0, 0, )
ENTRY(0, 1, STORE_F(0))
ENTRY(0, 2, STORE_F(0) STORE_F(1))
ENTRY(0, 3, STORE_F(0) STORE_F(1) STORE_F(2))
ENTRY(0, 4, STORE_F(0) STORE_F(1) STORE_F(2) STORE_F(3))
ENTRY(0, 5, STORE_F(0) STORE_F(1) STORE_F(2) STORE_F(3) STORE_F(4))
ENTRY(0, 6, STORE_F(0) STORE_F(1) STORE_F(2) STORE_F(3) STORE_F(4) STORE_F(5))
ENTRY(0, 7, STORE_F(0) STORE_F(1) STORE_F(2) STORE_F(3) STORE_F(4) STORE_F(5) STORE_F(6))
ENTRY(0, 8, STORE_F(0) STORE_F(1) STORE_F(2) STORE_F(3) STORE_F(4) STORE_F(5) STORE_F(6) STORE_F(7))
ENTRY(1, 0, STORE_I(0, rdi))
ENTRY(1, 1, STORE_I(0, rdi) STORE_F(0))
ENTRY(1, 2, STORE_I(0, rdi) STORE_F(0) STORE_F(1))
ENTRY(1, 3, STORE_I(0, rdi) STORE_F(0) STORE_F(1) STORE_F(2))
ENTRY(1, 4, STORE_I(0, rdi) STORE_F(0) STORE_F(1) STORE_F(2) STORE_F(3))
ENTRY(1, 5, STORE_I(0, rdi) STORE_F(0) STORE_F(1) STORE_F(2) STORE_F(3) STORE_F(4))
ENTRY(1, 6, STORE_I(0, rdi) STORE_F(0) STORE_F(1) STORE_F(2) STORE_F(3) STORE_F(4) STORE_F(5))
ENTRY(1, 7, STORE_I(0, rdi) STORE_F(0) STORE_F(1) STORE_F(2) STORE_F(3) STORE_F(4) STORE_F(5) STORE_F(6))
ENTRY(1, 8, STORE_I(0, rdi) STORE_F(0) STORE_F(1) STORE_F(2) STORE_F(3) STORE_F(4) STORE_F(5) STORE_F(6) STORE_F(7))
ENTRY(2, 0, STORE_I(0, rdi) STORE_I(1, rsi))
ENTRY(2, 1, STORE_I(0, rdi) STORE_I(1, rsi) STORE_F(0))
ENTRY(2, 2, STORE_I(0, rdi) STORE_I(1, rsi) STORE_F(0) STORE_F(1))
ENTRY(2, 3, STORE_I(0, rdi) STORE_I(1, rsi) STORE_F(0) STORE_F(1) STORE_F(2))
ENTRY(2, 4, STORE_I(0, rdi) STORE_I(1, rsi) STORE_F(0) STORE_F(1) STORE_F(2) STORE_F(3))
ENTRY(2, 5, STORE_I(0, rdi) STORE_I(1, rsi) STORE_F(0) STORE_F(1) STORE_F(2) STORE_F(3) STORE_F(4))
ENTRY(2, 6, STORE_I(0, rdi) STORE_I(1, rsi) STORE_F(0) STORE_F(1) STORE_F(2) STORE_F(3) STORE_F(4) STORE_F(5))
ENTRY(2, 7, STORE_I(0, rdi) STORE_I(1, rsi) STORE_F(0) STORE_F(1) STORE_F(2) STORE_F(3) STORE_F(4) STORE_F(5) STORE_F(6))
ENTRY(2, 8, STORE_I(0, rdi) STORE_I(1, rsi) STORE_F(0) STORE_F(1) STORE_F(2) STORE_F(3) STORE_F(4) STORE_F(5) STORE_F(6) STORE_F(7))
ENTRY(3, 0, STORE_I(0, rdi) STORE_I(1, rsi) STORE_I(2, rdx))
ENTRY(3, 1, STORE_I(0, rdi) STORE_I(1, rsi) STORE_I(2, rdx) STORE_F(0))
ENTRY(3, 2, STORE_I(0, rdi) STORE_I(1, rsi) STORE_I(2, rdx) STORE_F(0) STORE_F(1))
ENTRY(3, 3, STORE_I(0, rdi) STORE_I(1, rsi) STORE_I(2, rdx) STORE_F(0) STORE_F(1) STORE_F(2))
ENTRY(3, 4, STORE_I(0, rdi) STORE_I(1, rsi) STORE_I(2, rdx) STORE_F(0) STORE_F(1) STORE_F(2) STORE_F(3))
ENTRY(3, 5, STORE_I(0, rdi) STORE_I(1, rsi) STORE_I(2, rdx) STORE_F(0) STORE_F(1) STORE_F(2) STORE_F(3) STORE_F(4))
ENTRY(3, 6, STORE_I(0, rdi) STORE_I(1, rsi) STORE_I(2, rdx) STORE_F(0) STORE_F(1) STORE_F(2) STORE_F(3) STORE_F(4) STORE_F(5))
ENTRY(3, 7, STORE_I(0, rdi) STORE_I(1, rsi) STORE_I(2, rdx) STORE_F(0) STORE_F(1) STORE_F(2) STORE_F(3) STORE_F(4) STORE_F(5) STORE_F(6))
ENTRY(3, 8, STORE_I(0, rdi) STORE_I(1, rsi) STORE_I(2, rdx) STORE_F(0) STORE_F(1) STORE_F(2) STORE_F(3) STORE_F(4) STORE_F(5) STORE_F(6) STORE_F(7))
ENTRY(4, 0, STORE_I(0, rdi) STORE_I(1, rsi) STORE_I(2, rdx) STORE_I(3, rcx))
ENTRY(4, 1, STORE_I(0, rdi) STORE_I(1, rsi) STORE_I(2, rdx) STORE_I(3, rcx) STORE_F(0))
ENTRY(4, 2, STORE_I(0, rdi) STORE_I(1, rsi) STORE_I(2, rdx) STORE_I(3, rcx) STORE_F(0) STORE_F(1))
ENTRY(4, 3, STORE_I(0, rdi) STORE_I(1, rsi) STORE_I(2, rdx) STORE_I(3, rcx) STORE_F(0) STORE_F(1) STORE_F(2))
ENTRY(4, 4, STORE_I(0, rdi) STORE_I(1, rsi) STORE_I(2, rdx) STORE_I(3, rcx) STORE_F(0) STORE_F(1) STORE_F(2) STORE_F(3))
ENTRY(4, 5, STORE_I(0, rdi) STORE_I(1, rsi) STORE_I(2, rdx) STORE_I(3, rcx) STORE_F(0) STORE_F(1) STORE_F(2) STORE_F(3) STORE_F(4))
ENTRY(4, 6, STORE_I(0, rdi) STORE_I(1, rsi) STORE_I(2, rdx) STORE_I(3, rcx) STORE_F(0) STORE_F(1) STORE_F(2) STORE_F(3) STORE_F(4) STORE_F(5))
ENTRY(4, 7, STORE_I(0, rdi) STORE_I(1, rsi) STORE_I(2, rdx) STORE_I(3, rcx) STORE_F(0) STORE_F(1) STORE_F(2) STORE_F(3) STORE_F(4) STORE_F(5) STORE_F(6))
ENTRY(4, 8, STORE_I(0, rdi) STORE_I(1, rsi) STORE_I(2, rdx) STORE_I(3, rcx) STORE_F(0) STORE_F(1) STORE_F(2) STORE_F(3) STORE_F(4) STORE_F(5) STORE_F(6) STORE_F(7))
ENTRY(5, 0, STORE_I(0, rdi) STORE_I(1, rsi) STORE_I(2, rdx) STORE_I(3, rcx) STORE_I(4, r8))
ENTRY(5, 1, STORE_I(0, rdi) STORE_I(1, rsi) STORE_I(2, rdx) STORE_I(3, rcx) STORE_I(4, r8) STORE_F(0))
ENTRY(5, 2, STORE_I(0, rdi) STORE_I(1, rsi) STORE_I(2, rdx) STORE_I(3, rcx) STORE_I(4, r8) STORE_F(0) STORE_F(1))
ENTRY(5, 3, STORE_I(0, rdi) STORE_I(1, rsi) STORE_I(2, rdx) STORE_I(3, rcx) STORE_I(4, r8) STORE_F(0) STORE_F(1) STORE_F(2))
ENTRY(5, 4, STORE_I(0, rdi) STORE_I(1, rsi) STORE_I(2, rdx) STORE_I(3, rcx) STORE_I(4, r8) STORE_F(0) STORE_F(1) STORE_F(2) STORE_F(3))
ENTRY(5, 5, STORE_I(0, rdi) STORE_I(1, rsi) STORE_I(2, rdx) STORE_I(3, rcx) STORE_I(4, r8) STORE_F(0) STORE_F(1) STORE_F(2) STORE_F(3) STORE_F(4))
ENTRY(5, 6, STORE_I(0, rdi) STORE_I(1, rsi) STORE_I(2, rdx) STORE_I(3, rcx) STORE_I(4, r8) STORE_F(0) STORE_F(1) STORE_F(2) STORE_F(3) STORE_F(4) STORE_F(5))
ENTRY(5, 7, STORE_I(0, rdi) STORE_I(1, rsi) STORE_I(2, rdx) STORE_I(3, rcx) STORE_I(4, r8) STORE_F(0) STORE_F(1) STORE_F(2) STORE_F(3) STORE_F(4) STORE_F(5) STORE_F(6))
ENTRY(5, 8, STORE_I(0, rdi) STORE_I(1, rsi) STORE_I(2, rdx) STORE_I(3, rcx) STORE_I(4, r8) STORE_F(0) STORE_F(1) STORE_F(2) STORE_F(3) STORE_F(4) STORE_F(5) STORE_F(6) STORE_F(7))
ENTRY(6, 0, STORE_I(0, rdi) STORE_I(1, rsi) STORE_I(2, rdx) STORE_I(3, rcx) STORE_I(4, r8) STORE_I(5, r9))
ENTRY(6, 1, STORE_I(0, rdi) STORE_I(1, rsi) STORE_I(2, rdx) STORE_I(3, rcx) STORE_I(4, r8) STORE_I(5, r9) STORE_F(0))
ENTRY(6, 2, STORE_I(0, rdi) STORE_I(1, rsi) STORE_I(2, rdx) STORE_I(3, rcx) STORE_I(4, r8) STORE_I(5, r9) STORE_F(0) STORE_F(1))
ENTRY(6, 3, STORE_I(0, rdi) STORE_I(1, rsi) STORE_I(2, rdx) STORE_I(3, rcx) STORE_I(4, r8) STORE_I(5, r9) STORE_F(0) STORE_F(1) STORE_F(2))
ENTRY(6, 4, STORE_I(0, rdi) STORE_I(1, rsi) STORE_I(2, rdx) STORE_I(3, rcx) STORE_I(4, r8) STORE_I(5, r9) STORE_F(0) STORE_F(1) STORE_F(2) STORE_F(3))
ENTRY(6, 5, STORE_I(0, rdi) STORE_I(1, rsi) STORE_I(2, rdx) STORE_I(3, rcx) STORE_I(4, r8) STORE_I(5, r9) STORE_F(0) STORE_F(1) STORE_F(2) STORE_F(3) STORE_F(4))
ENTRY(6, 6, STORE_I(0, rdi) STORE_I(1, rsi) STORE_I(2, rdx) STORE_I(3, rcx) STORE_I(4, r8) STORE_I(5, r9) STORE_F(0) STORE_F(1) STORE_F(2) STORE_F(3) STORE_F(4) STORE_F(5))
ENTRY(6, 7, STORE_I(0, rdi) STORE_I(1, rsi) STORE_I(2, rdx) STORE_I(3, rcx) STORE_I(4, r8) STORE_I(5, r9) STORE_F(0) STORE_F(1) STORE_F(2) STORE_F(3) STORE_F(4) STORE_F(5) STORE_F(6))
ENTRY(6, 8, STORE_I(0, rdi) STORE_I(1, rsi) STORE_I(2, rdx) STORE_I(3, rcx) STORE_I(4, r8) STORE_I(5, r9) STORE_F(0) STORE_F(1) STORE_F(2) STORE_F(3) STORE_F(4) STORE_F(5) STORE_F(6) STORE_F(7))

// Entry of a function with stack parameters (more than 6 integer or 8 float ones): every
// argument register is stored (the selector points absent ones at a scratch slot), then the
// `_IMM_A` stack parameters, above the return address (24 bytes above the frame), are copied in order to consecutive slots
// from `_SLOT_A`; the selector then copies each to its parameter's slot.
__attribute__((naked)) void entry_stack(void) {
  __asm__(PROLOGUE STORE_I(0, rdi) STORE_I(1, rsi) STORE_I(2, rdx) STORE_I(3, rcx) STORE_I(4, r8)
          STORE_I(5, r9) STORE_F(0) STORE_F(1) STORE_F(2) STORE_F(3) STORE_F(4) STORE_F(5) STORE_F(6)
          STORE_F(7)
          "leaq _FRAME_SIZE+24(%r12), %rsi\n\t"
          "leaq _SLOT_A(%r12), %rdi\n\t"
          "movabsq $_IMM_A, %rcx\n\t"
          "rep movsq\n\t"
          "jmp _CONTINUE");
}
