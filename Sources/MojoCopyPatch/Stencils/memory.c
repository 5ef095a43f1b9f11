// Stencils that move values: copies, loads, stores and data addresses.
#include "stencil.h"

// Every slot is 8 bytes whatever the type, so copies are untyped.
STENCIL(copy_s) { I64(_SLOT_D) = I64(_SLOT_A); CONTINUE(); }
STENCIL(copy_i) { I64(_SLOT_D) = IMM(_IMM_A); CONTINUE(); }

// `load` / `store` at `address + offset`; i1 is one byte in memory.
STENCIL(load64_s) { I64(_SLOT_D) = *(i64 *)(PTR(_SLOT_A) + IMM(_IMM_B)); CONTINUE(); }
STENCIL(load1_s) { I64(_SLOT_D) = *(uint8_t *)(PTR(_SLOT_A) + IMM(_IMM_B)) & 1; CONTINUE(); }
STENCIL(store64_ss) { *(i64 *)(PTR(_SLOT_A) + IMM(_IMM_B)) = I64(_SLOT_C); CONTINUE(); }
STENCIL(store64_si) { *(i64 *)(PTR(_SLOT_A) + IMM(_IMM_B)) = IMM(_IMM_C); CONTINUE(); }
STENCIL(store1_ss) { *(uint8_t *)(PTR(_SLOT_A) + IMM(_IMM_B)) = (uint8_t)I64(_SLOT_C); CONTINUE(); }
STENCIL(store1_si) { *(uint8_t *)(PTR(_SLOT_A) + IMM(_IMM_B)) = (uint8_t)IMM(_IMM_C); CONTINUE(); }

// A RIP-relative address, so that the object links as PIE (an absolute R_X86_64_64 against
// .rodata does not with lld). C cannot ask for this form under -fno-pic, hence the asm.
STENCIL(addr) {
  char *p;
  __asm__("leaq _DATA(%%rip), %0" : "=r"(p));
  PTR(_SLOT_D) = p;
  CONTINUE();
}
