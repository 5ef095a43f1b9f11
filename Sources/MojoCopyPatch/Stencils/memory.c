// Stencils that move values: copies, loads, stores, data addresses and list elements.
#include "stencil.h"

// Every slot is 8 bytes whatever the type, so copies from a slot or an immediate are untyped;
// `copy_r` / `copy_f` store the integer / float register.
STENCIL(copy_s) { I64(_SLOT_D) = I64(_SLOT_A); CONTINUE(); }
STENCIL(copy_i) { I64(_SLOT_D) = IMM(_IMM_A); CONTINUE(); }
STENCIL(copy_r) { I64(_SLOT_D) = acc; CONTINUE(); }
STENCIL(copy_f) { F64(_SLOT_D) = facc; CONTINUE(); }
// An immediate into `acc` / `facc`, for a call that takes that argument from the register.
STENCIL(imm_r) { acc = IMM(_IMM_A); CONTINUE(); }
STENCIL(imm_f) { facc = FIMM(_IMM_A); CONTINUE(); }

// `load` at `address + offset` (i1 is one byte in memory), the address from a slot (`_s`) or the
// register (`_r`); a result ending `_r` stays in the register (`loadf`: a Float64 into facc). The
// offset is a 32-bit displacement (`_DISP_B`); the selector adds a larger one to the address first.
#define ADDRESS_s PTR(_SLOT_A)
#define ADDRESS_r ((char *)acc)
#define LOADS(la)                                                                                  \
  STENCIL(load64_##la) { I64(_SLOT_D) = *(i64 *)(ADDRESS_##la + DISP(_DISP_B)); CONTINUE(); }          \
  STENCIL(load64_##la##_r) { acc = *(i64 *)(ADDRESS_##la + DISP(_DISP_B)); CONTINUE(); }               \
  STENCIL(loadf_##la##_r) { facc = *(double *)(ADDRESS_##la + DISP(_DISP_B)); CONTINUE(); }            \
  STENCIL(load1_##la) { I64(_SLOT_D) = *(uint8_t *)(ADDRESS_##la + DISP(_DISP_B)) & 1; CONTINUE(); }    \
  STENCIL(load1_##la##_r) { acc = *(uint8_t *)(ADDRESS_##la + DISP(_DISP_B)) & 1; CONTINUE(); }
LOADS(s)
LOADS(r)

// `store` of a value from a slot (`s`), an immediate (`i`), the integer register (`r`) or the
// float register (`f`, 8 bytes only) at `address + offset`, the address from a slot or the register.
#define VALUE_s I64(_SLOT_C)
#define VALUE_i IMM(_IMM_C)
#define VALUE_r acc
#define STORE64(la, lv) STENCIL(store64_##la##lv) { *(i64 *)(ADDRESS_##la + DISP(_DISP_B)) = VALUE_##lv; CONTINUE(); }
#define STORE1(la, lv) STENCIL(store1_##la##lv) { *(uint8_t *)(ADDRESS_##la + DISP(_DISP_B)) = (uint8_t)VALUE_##lv; CONTINUE(); }
STORE64(s, s) STORE64(s, i) STORE64(s, r) STORE64(r, s) STORE64(r, i)
STENCIL(store64_sf) { *(double *)(PTR(_SLOT_A) + DISP(_DISP_B)) = facc; CONTINUE(); }
STORE1(s, s) STORE1(s, i) STORE1(s, r) STORE1(r, s) STORE1(r, i)

// A RIP-relative address, so that the object links as PIE (an absolute R_X86_64_64 against
// .rodata does not with lld). C cannot ask for this form under -fno-pic, hence the asm.
STENCIL(addr) {
  char *p;
  __asm__("leaq _DATA(%%rip), %0" : "=r"(p));
  PTR(_SLOT_D) = p;
  CONTINUE();
}

// The address of list element B of list A (element size `_IMM_C`): the runtime's
// `mojo_rt_list_at` inlined for an index in range; out of range it is called, to trap with its
// message (declared here as not returning, which it does not for such an index, so that the
// fast path ends in the trailing jump). The list header is the runtime's `MojoList`
// (Sources/MojoRuntime/C/mojo_runtime.h).
typedef struct { i64 length; i64 capacity; char *elements; } ListHeader;
extern _Noreturn void list_index_trap(void *list, i64 index, i64 element_size, const char *where) __asm__("mojo_rt_list_at");
// The call's last operand, the source location the runtime reports: a data object (`_DATA`),
// addressed only on the cold path.
#define LIST_WHERE() ({ const char *where_; __asm__("leaq _DATA(%%rip), %0" : "=r"(where_)); where_; })
#define LIST_OPERAND_s(slot) PIN_I64(slot)
#define LIST_OPERAND_i(slot) IMM(_IMM_B)
#define LIST_OPERAND_r(slot) acc
// `list_at_*` take the element size from `_IMM_C`; `list_at8_*` and `list_at1_*` are for
// elements of 8 bytes (Int, Float64, pointers) and of 1 byte (Bool), addressed without a multiply.
#define LIST_AT(name, la, lb, SIZE)                                                                \
  STENCIL(name##_##la##lb) {                                                                       \
    ListHeader *list = (ListHeader *)LIST_OPERAND_##la(_SLOT_A);                                    \
    i64 index = LIST_OPERAND_##lb(_SLOT_B), size = (SIZE);                                          \
    if ((u64)index < (u64)list->length) { PTR(_SLOT_D) = list->elements + index * size; CONTINUE(); } \
    list_index_trap(list, index, size, LIST_WHERE());                                                            \
  }                                                                                                \
  STENCIL(name##_##la##lb##_r) {                                                                   \
    ListHeader *list = (ListHeader *)LIST_OPERAND_##la(_SLOT_A);                                    \
    i64 index = LIST_OPERAND_##lb(_SLOT_B), size = (SIZE);                                          \
    if ((u64)index < (u64)list->length) { acc = (i64)(list->elements + index * size); CONTINUE(); } \
    list_index_trap(list, index, size, LIST_WHERE());                                                            \
  }
#define LIST_ATS(name, SIZE)                                                                       \
  LIST_AT(name, s, s, SIZE) LIST_AT(name, s, i, SIZE) LIST_AT(name, s, r, SIZE) LIST_AT(name, r, s, SIZE) \
  LIST_AT(name, r, i, SIZE)
LIST_ATS(list_at, IMM(_IMM_C))
LIST_ATS(list_at8, 8)
LIST_ATS(list_at1, 1)
