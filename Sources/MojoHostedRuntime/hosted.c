//! The runtime compiled for mojoc's own process (MOJO_RT_HOSTED: libc's mem* functions, no
//! `_start`), plus what the interpreter needs around it: an entry that runs an interpreted
//! `main`, the trap, and the table of runtime functions by name.
#define MOJO_RT_HOSTED 1
#include "../MojoRuntime/C/runtime.c"

#include "MojoHostedRuntime.h"

// MARK: - Entry

static void (*interpreted_entry)(void *);
static void *interpreted_context;

/// The program's `main` as the runtime calls it: the interpreter's entry.
void mojo_main(void) { interpreted_entry(interpreted_context); }

long mojo_hosted_run(void (*entry)(void *context), void *context) {
  interpreted_entry = entry;
  interpreted_context = context;
  return mojo_rt_run_in_process();
}

_Noreturn void mojo_hosted_trap(const char *message) { trap(message); }

// MARK: - Runtime functions by name

/// Every function of mojo_runtime.h an interpreted program may call. To let the interpreter call
/// a new runtime function, add one line here.
static const struct {
  const char *name;
  const void *address;
} functions[] = {
#define RUNTIME_FUNCTION(f) {#f, (const void *)f},
    RUNTIME_FUNCTION(mojo_rt_print_int)
    RUNTIME_FUNCTION(mojo_rt_print_bool)
    RUNTIME_FUNCTION(mojo_rt_print_float)
    RUNTIME_FUNCTION(mojo_rt_print_string)
    RUNTIME_FUNCTION(mojo_rt_print_uint)
    RUNTIME_FUNCTION(mojo_rt_print_float32)
    RUNTIME_FUNCTION(mojo_rt_trap_div_zero)
    RUNTIME_FUNCTION(mojo_rt_trap_index)
    RUNTIME_FUNCTION(mojo_rt_error_slot)
    RUNTIME_FUNCTION(mojo_rt_uncaught_error)
    RUNTIME_FUNCTION(mojo_rt_ipow)
    RUNTIME_FUNCTION(mojo_rt_fpowi)
    RUNTIME_FUNCTION(mojo_rt_fmod)
    RUNTIME_FUNCTION(mojo_rt_ffloordiv)
    RUNTIME_FUNCTION(mojo_rt_fmin)
    RUNTIME_FUNCTION(mojo_rt_fmax)
    RUNTIME_FUNCTION(mojo_rt_floor)
    RUNTIME_FUNCTION(mojo_rt_ceil)
    RUNTIME_FUNCTION(mojo_rt_trunc)
    RUNTIME_FUNCTION(mojo_rt_round)
    RUNTIME_FUNCTION(mojo_rt_str_radix)
    RUNTIME_FUNCTION(mojo_rt_exp)
    RUNTIME_FUNCTION(mojo_rt_exp2)
    RUNTIME_FUNCTION(mojo_rt_log)
    RUNTIME_FUNCTION(mojo_rt_log2)
    RUNTIME_FUNCTION(mojo_rt_log10)
    RUNTIME_FUNCTION(mojo_rt_log1p)
    RUNTIME_FUNCTION(mojo_rt_expm1)
    RUNTIME_FUNCTION(mojo_rt_sin)
    RUNTIME_FUNCTION(mojo_rt_cos)
    RUNTIME_FUNCTION(mojo_rt_tan)
    RUNTIME_FUNCTION(mojo_rt_asin)
    RUNTIME_FUNCTION(mojo_rt_acos)
    RUNTIME_FUNCTION(mojo_rt_atan)
    RUNTIME_FUNCTION(mojo_rt_sinh)
    RUNTIME_FUNCTION(mojo_rt_cosh)
    RUNTIME_FUNCTION(mojo_rt_tanh)
    RUNTIME_FUNCTION(mojo_rt_cbrt)
    RUNTIME_FUNCTION(mojo_rt_atan2)
    RUNTIME_FUNCTION(mojo_rt_hypot)
    RUNTIME_FUNCTION(mojo_rt_fpow)
    RUNTIME_FUNCTION(mojo_rt_copysign)
    RUNTIME_FUNCTION(mojo_rt_isqrt)
    RUNTIME_FUNCTION(mojo_rt_dict_new_shaped)
    RUNTIME_FUNCTION(mojo_rt_round_digits)
    RUNTIME_FUNCTION(mojo_rt_round_int)
    RUNTIME_FUNCTION(mojo_rt_uint_to_float)
    RUNTIME_FUNCTION(mojo_rt_float_to_uint)
    RUNTIME_FUNCTION(mojo_rt_round_float16)
    RUNTIME_FUNCTION(mojo_rt_str_concat)
    RUNTIME_FUNCTION(mojo_rt_str_compare)
    RUNTIME_FUNCTION(mojo_rt_str_eq)
    RUNTIME_FUNCTION(mojo_rt_str_from_int)
    RUNTIME_FUNCTION(mojo_rt_str_from_float)
    RUNTIME_FUNCTION(mojo_rt_str_from_bool)
    RUNTIME_FUNCTION(mojo_rt_str_from_uint)
    RUNTIME_FUNCTION(mojo_rt_str_from_float32)
    RUNTIME_FUNCTION(mojo_rt_str_byte_at)
    RUNTIME_FUNCTION(mojo_rt_str_ord)
    RUNTIME_FUNCTION(mojo_rt_str_chr)
    RUNTIME_FUNCTION(mojo_rt_str_as_bytes)
    RUNTIME_FUNCTION(mojo_rt_str_codepoints)
    RUNTIME_FUNCTION(mojo_rt_str_count_codepoints)
    RUNTIME_FUNCTION(mojo_rt_str_from_bytes)
    RUNTIME_FUNCTION(mojo_rt_print_codepoint)
    RUNTIME_FUNCTION(mojo_rt_str_lower)
    RUNTIME_FUNCTION(mojo_rt_str_repr)
    RUNTIME_FUNCTION(mojo_rt_str_upper)
    RUNTIME_FUNCTION(mojo_rt_str_find)
    RUNTIME_FUNCTION(mojo_rt_str_rfind)
    RUNTIME_FUNCTION(mojo_rt_str_contains)
    RUNTIME_FUNCTION(mojo_rt_str_count)
    RUNTIME_FUNCTION(mojo_rt_str_startswith)
    RUNTIME_FUNCTION(mojo_rt_str_endswith)
    RUNTIME_FUNCTION(mojo_rt_str_replace)
    RUNTIME_FUNCTION(mojo_rt_str_strip)
    RUNTIME_FUNCTION(mojo_rt_str_repeat)
    RUNTIME_FUNCTION(mojo_rt_str_split)
    RUNTIME_FUNCTION(mojo_rt_str_split_whitespace)
    RUNTIME_FUNCTION(mojo_rt_str_join)
    RUNTIME_FUNCTION(mojo_rt_str_isupper)
    RUNTIME_FUNCTION(mojo_rt_str_islower)
    RUNTIME_FUNCTION(mojo_rt_str_is_ascii_digit)
    RUNTIME_FUNCTION(mojo_rt_str_isspace)
    RUNTIME_FUNCTION(mojo_rt_str_removeprefix)
    RUNTIME_FUNCTION(mojo_rt_str_removesuffix)
    RUNTIME_FUNCTION(mojo_rt_str_splitlines)
    RUNTIME_FUNCTION(mojo_rt_str_format)
    RUNTIME_FUNCTION(mojo_rt_str_to_int)
    RUNTIME_FUNCTION(mojo_rt_str_slice)
    RUNTIME_FUNCTION(mojo_rt_str_to_float)
    RUNTIME_FUNCTION(mojo_rt_alloc)
    RUNTIME_FUNCTION(mojo_rt_list_new)
    RUNTIME_FUNCTION(mojo_rt_list_append_slot)
    RUNTIME_FUNCTION(mojo_rt_list_at)
    RUNTIME_FUNCTION(mojo_rt_list_insert_slot)
    RUNTIME_FUNCTION(mojo_rt_list_remove)
    RUNTIME_FUNCTION(mojo_rt_list_clear)
    RUNTIME_FUNCTION(mojo_rt_list_copy_shallow)
    RUNTIME_FUNCTION(mojo_rt_list_slice)
    RUNTIME_FUNCTION(mojo_rt_list_contains_int)
    RUNTIME_FUNCTION(mojo_rt_list_contains_float)
    RUNTIME_FUNCTION(mojo_rt_list_contains_string)
    RUNTIME_FUNCTION(mojo_rt_list_equal)
    RUNTIME_FUNCTION(mojo_rt_list_sort)
    RUNTIME_FUNCTION(mojo_rt_list_concat)
    RUNTIME_FUNCTION(mojo_rt_list_count)
    RUNTIME_FUNCTION(mojo_rt_list_count_float)
    RUNTIME_FUNCTION(mojo_rt_list_count_str)
    RUNTIME_FUNCTION(mojo_rt_list_extend)
    RUNTIME_FUNCTION(mojo_rt_list_index)
    RUNTIME_FUNCTION(mojo_rt_list_index_float)
    RUNTIME_FUNCTION(mojo_rt_list_index_str)
    RUNTIME_FUNCTION(mojo_rt_list_reverse)
    RUNTIME_FUNCTION(mojo_rt_dict_new)
    RUNTIME_FUNCTION(mojo_rt_dict_slot)
    RUNTIME_FUNCTION(mojo_rt_dict_slot_str)
    RUNTIME_FUNCTION(mojo_rt_dict_find)
    RUNTIME_FUNCTION(mojo_rt_dict_find_str)
    RUNTIME_FUNCTION(mojo_rt_dict_next)
    RUNTIME_FUNCTION(mojo_rt_dict_entry)
    RUNTIME_FUNCTION(mojo_rt_dict_prev)
    RUNTIME_FUNCTION(mojo_rt_dict_update)
    RUNTIME_FUNCTION(mojo_rt_set_equal)
    RUNTIME_FUNCTION(mojo_rt_set_combine)
    RUNTIME_FUNCTION(mojo_rt_dict_copy)
    RUNTIME_FUNCTION(mojo_rt_dict_clear)
    RUNTIME_FUNCTION(mojo_rt_optional_value)
#undef RUNTIME_FUNCTION
};

long mojo_hosted_function_count(void) { return (long)(sizeof(functions) / sizeof(functions[0])); }
const char *mojo_hosted_function_name(long index) { return functions[index].name; }
const void *mojo_hosted_function_address(long index) { return functions[index].address; }

// MARK: - Calls

typedef int64_t (*IntFunction)(int64_t, int64_t, int64_t, int64_t, int64_t, int64_t, double, double, double, double,
                               double, double, double, double);
typedef double (*FloatFunction)(int64_t, int64_t, int64_t, int64_t, int64_t, int64_t, double, double, double, double,
                                double, double, double, double);

int64_t mojo_hosted_call_int(const void *function, const int64_t *i, const double *f) {
  return ((IntFunction)function)(i[0], i[1], i[2], i[3], i[4], i[5], f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7]);
}

double mojo_hosted_call_float(const void *function, const int64_t *i, const double *f) {
  return ((FloatFunction)function)(i[0], i[1], i[2], i[3], i[4], i[5], f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7]);
}
