// The runtime ABI shared by both backends: every compiled Mojo program links these functions.
// Plain C / SysV x86-64 calls. IR types map as: i64 -> int64_t, f64 -> double, ptr -> pointers.
// Booleans cross this boundary as int64_t 0/1 (the lowering zero-extends i1 first).
//
// Data layouts decided by the lowering and relied on here:
//   String: a pointer to { int64_t length; uint8_t bytes[length]; } (immutable; string literals
//           are data objects of the module with exactly this layout, 8-byte aligned).
//   List:   a pointer to MojoList below; elements are stored inline, element size chosen by the
//           lowering (8 for Int/Float64/Bool/String/List, larger for structs stored inline).
#ifndef MOJO_RUNTIME_H
#define MOJO_RUNTIME_H
#include <stdint.h>

typedef struct MojoString {
  int64_t length;
  uint8_t bytes[];
} MojoString;

typedef struct MojoList {
  int64_t length;
  int64_t capacity;
  uint8_t *elements;
} MojoList;

// Program entry: the runtime's `main` calls the user's `main` (symbol `mojo_main`), then flushes
// standard output and returns 0.
void mojo_main(void);

// Printing (buffered standard output, flushed at exit and before any trap).
void mojo_rt_print_int(int64_t value);
void mojo_rt_print_bool(int64_t value);
void mojo_rt_print_float(double value);      // LANGUAGE.md §12.1, exactly
void mojo_rt_print_string(const MojoString *s);
void mojo_rt_print_uint(int64_t value);      // the bits as UInt64
void mojo_rt_print_float32(double value);    // a Float32 (or Float16) value: shortest binary32 digits

// Traps: flush stdout, write a message to stderr, abort (non-zero status, by signal).
_Noreturn void mojo_rt_trap_div_zero(void);
// Failed checks that Mojo reports itself (a bad index, slice or `Optional.value()`) are printed as
// Mojo prints them, on standard output after the program's own output, with `where`: the source
// location "path:line:col" (a String; null or empty for none). Then death by SIGILL.
_Noreturn void mojo_rt_trap_index(int64_t index, int64_t length, const MojoString *where);

// Errors (`raises`): the program's one error slot (null, or the Error being propagated: its
// message string), and the end of a program whose `main` raised: flush stdout, print Mojo's
// two lines on stderr, exit with status 1.
const MojoString **mojo_rt_error_slot(void);
_Noreturn void mojo_rt_uncaught_error(const MojoString *message);

// Arithmetic whose semantics are too long for an opcode (LANGUAGE.md §7).
int64_t mojo_rt_ipow(int64_t base, int64_t exponent);
double mojo_rt_fpowi(double base, int64_t exponent);
double mojo_rt_fmod(double a, double b);
double mojo_rt_ffloordiv(double a, double b);
double mojo_rt_fmin(double a, double b);
double mojo_rt_fmax(double a, double b);
double mojo_rt_floor(double x);
double mojo_rt_ceil(double x);
double mojo_rt_trunc(double x);
// `round(x)` (to nearest, ties to even), `round(x, ndigits)` (x scaled by 10**ndigits, rounded,
// scaled back), `round(n, ndigits)` of an Int (Mojo 1.2 rounds down at a negative ndigits).
double mojo_rt_round(double x);
double mojo_rt_round_digits(double x, int64_t ndigits);
int64_t mojo_rt_round_int(int64_t n, int64_t ndigits);
// std.math of Float64 (runtime_math.inc): Mojo 1.2's own algorithms for exp, exp2, log2, cosh and
// `x ** y` (mojo_rt_fpow); the others correctly rounded, as the C library Mojo calls gives them.
double mojo_rt_exp(double x);
double mojo_rt_exp2(double x);
double mojo_rt_log(double x);
double mojo_rt_log2(double x);
double mojo_rt_log10(double x);
double mojo_rt_log1p(double x);
double mojo_rt_expm1(double x);
double mojo_rt_sin(double x);
double mojo_rt_cos(double x);
double mojo_rt_tan(double x);
double mojo_rt_asin(double x);
double mojo_rt_acos(double x);
double mojo_rt_atan(double x);
double mojo_rt_sinh(double x);
double mojo_rt_cosh(double x);
double mojo_rt_tanh(double x);
double mojo_rt_cbrt(double x);
double mojo_rt_atan2(double y, double x);
double mojo_rt_hypot(double x, double y);
double mojo_rt_fpow(double base, double exponent);
double mojo_rt_copysign(double magnitude, double sign);
int64_t mojo_rt_isqrt(int64_t n);  // sqrt(Int): floor of the square root, 0 below 0
// Sized numeric types: UInt64 <-> Float64, rounding to Float16.
double mojo_rt_uint_to_float(int64_t value);
int64_t mojo_rt_float_to_uint(double x);
double mojo_rt_round_float16(double x);

// Strings.
const MojoString *mojo_rt_str_concat(const MojoString *a, const MojoString *b);
int64_t mojo_rt_str_compare(const MojoString *a, const MojoString *b);   // <0, 0, >0 (bytes, unsigned)
int64_t mojo_rt_str_eq(const MojoString *a, const MojoString *b);        // 0 or 1
const MojoString *mojo_rt_str_from_int(int64_t value);
const MojoString *mojo_rt_str_from_float(double value);
const MojoString *mojo_rt_str_from_bool(int64_t value);
const MojoString *mojo_rt_str_from_uint(int64_t value);
const MojoString *mojo_rt_str_from_float32(double value);
// `hex`, `bin`, `oct` (radix 16, 2, 8): `-`, the prefix, the digits of |value| (unsigned if asked).
const MojoString *mojo_rt_str_radix(int64_t value, int64_t radix, const MojoString *prefix, int64_t is_unsigned);
const MojoString *mojo_rt_str_byte_at(const MojoString *s, int64_t index, const MojoString *where);
int64_t mojo_rt_str_ord(const MojoString *s);
const MojoString *mojo_rt_str_chr(int64_t code);

// String methods (runtime_strings.inc). Positions are byte offsets; `start`/`end` count from the
// end when negative. `Int(s)` and `Float64(s)` raise: they set the error slot and return 0.
const MojoString *mojo_rt_str_lower(const MojoString *s);
const MojoString *mojo_rt_str_repr(const MojoString *s);   // `repr(s)`: quoted, escaped
const MojoString *mojo_rt_str_upper(const MojoString *s);
int64_t mojo_rt_str_find(const MojoString *s, const MojoString *sub, int64_t start);
int64_t mojo_rt_str_rfind(const MojoString *s, const MojoString *sub, int64_t start);
int64_t mojo_rt_str_contains(const MojoString *s, const MojoString *sub);   // `sub in s`
int64_t mojo_rt_str_count(const MojoString *s, const MojoString *sub);
int64_t mojo_rt_str_startswith(const MojoString *s, const MojoString *prefix, int64_t start, int64_t end);
int64_t mojo_rt_str_endswith(const MojoString *s, const MojoString *suffix, int64_t start, int64_t end);
const MojoString *mojo_rt_str_replace(const MojoString *s, const MojoString *old, const MojoString *new_text);
const MojoString *mojo_rt_str_strip(const MojoString *s, const MojoString *chars, int64_t sides, int64_t use_chars);
const MojoString *mojo_rt_str_repeat(const MojoString *s, int64_t count);
MojoList *mojo_rt_str_split(const MojoString *s, const MojoString *sep, int64_t maxsplit);
MojoList *mojo_rt_str_split_whitespace(const MojoString *s, int64_t maxsplit);
const MojoString *mojo_rt_str_join(const MojoString *sep, const MojoList *list, int64_t kind); // 0 String, 1 Int, 2 Float64, 3 Bool
int64_t mojo_rt_str_isupper(const MojoString *s);
int64_t mojo_rt_str_islower(const MojoString *s);
int64_t mojo_rt_str_is_ascii_digit(const MojoString *s);
int64_t mojo_rt_str_isspace(const MojoString *s);
const MojoString *mojo_rt_str_removeprefix(const MojoString *s, const MojoString *prefix);
const MojoString *mojo_rt_str_removesuffix(const MojoString *s, const MojoString *suffix);
MojoList *mojo_rt_str_splitlines(const MojoString *s);
const MojoString *mojo_rt_str_format(const MojoString *fmt, const MojoList *args);  // raises; args are strings
int64_t mojo_rt_str_to_int(const MojoString *s);
const MojoString *mojo_rt_str_slice(const MojoString *s, int64_t start, int64_t end, int64_t given, // s[byte=a:b]
                                    const MojoString *where);
double mojo_rt_str_to_float(const MojoString *s);
// Bytes and code points: `s.as_bytes()` and `s.codepoints()` give lists of one word per byte or
// code point; `String(from_utf8=...)` (mode 2, raises), `from_utf8_lossy=` (1), `unsafe_from_utf8=` (0).
MojoList *mojo_rt_str_as_bytes(const MojoString *s);
MojoList *mojo_rt_str_codepoints(const MojoString *s);
int64_t mojo_rt_str_count_codepoints(const MojoString *s);
const MojoString *mojo_rt_str_from_bytes(const MojoList *bytes, int64_t mode);
void mojo_rt_print_codepoint(int64_t code);   // a Codepoint's character

// Memory for struct values and cells of variables passed to `mut` parameters: zero-filled,
// 8-byte aligned, never freed in v1.
void *mojo_rt_alloc(int64_t size);

// Lists (element size in bytes passed by the caller).
MojoList *mojo_rt_list_new(int64_t element_size, int64_t capacity);
void *mojo_rt_list_append_slot(MojoList *list, int64_t element_size);     // grows; returns the new slot
// `where` (the source location reported when the index is out of range): see mojo_rt_trap_index.
void *mojo_rt_list_at(MojoList *list, int64_t index, int64_t element_size, const MojoString *where);
void *mojo_rt_list_insert_slot(MojoList *list, int64_t index, int64_t element_size, const MojoString *where);
void mojo_rt_list_remove(MojoList *list, int64_t index, int64_t element_size, void *out, // pop(i)
                         const MojoString *where);
void mojo_rt_list_clear(MojoList *list);
MojoList *mojo_rt_list_copy_shallow(const MojoList *list, int64_t element_size);
// xs[start:end:step]; `shape`: bit 0 start, bit 1 end, bit 2 step given (absent parts are
// defaults), the element size above (`shape >> 3`).
MojoList *mojo_rt_list_slice(const MojoList *list, int64_t start, int64_t end, int64_t step, int64_t shape,
                             const MojoString *where);
int64_t mojo_rt_list_contains_int(const MojoList *list, int64_t value);       // Int and Bool
int64_t mojo_rt_list_contains_float(const MojoList *list, double value);
int64_t mojo_rt_list_contains_string(const MojoList *list, const MojoString *value);
// `a == b` of lists of one-word elements: kind 0 Int or Bool, 1 Float64, 2 String; 0 or 1.
int64_t mojo_rt_list_equal(const MojoList *a, const MojoList *b, int64_t kind);

// Dict[K, V] and Set[T] (runtime_dicts.inc): keys are Int (kind 0) or String (kind 1) words,
// values one word each (a set leaves them 0). `length` is first, so `len` is one load.
typedef struct MojoDictEntry {
  int64_t key;
  int64_t value;
  uint64_t hash;
  int64_t live;
} MojoDictEntry;

typedef struct MojoDict {
  int64_t length;            // live entries
  int64_t kind;
  int64_t used;              // entries appended (live or dead)
  int64_t capacity;
  MojoDictEntry *entries;
  int64_t *index;            // entry number + 1 per slot, 0 when empty
  int64_t mask;
  int64_t probe[2];          // the last `find`: {found, value}
} MojoDict;

MojoDict *mojo_rt_dict_new(int64_t kind);
// A dict or set of tuple or list keys: `shape` is "SHAPE|DictKeyError text" (runtime_dicts.inc).
MojoDict *mojo_rt_dict_new_shaped(const MojoString *shape);
// The value word of `key`, inserted (value 0) when absent: `d[k] = v`, `s.add(x)`.
int64_t *mojo_rt_dict_slot(MojoDict *d, int64_t key);
int64_t *mojo_rt_dict_slot_str(MojoDict *d, const MojoString *key);
// Looks `key` up; returns {found, value}. Mode bit 0: a missing key raises Mojo's KeyError (sets
// the error slot); bit 1: the entry is removed (`pop`, `remove`).
int64_t *mojo_rt_dict_find(MojoDict *d, int64_t key, int64_t mode);
int64_t *mojo_rt_dict_find_str(MojoDict *d, const MojoString *key, int64_t mode);
// Iteration in insertion order: the next live entry at or after `position` (-1 at the end), and
// the address of an entry's {key, value}.
int64_t mojo_rt_dict_next(const MojoDict *d, int64_t position);
int64_t *mojo_rt_dict_entry(MojoDict *d, int64_t position);
int64_t mojo_rt_dict_prev(const MojoDict *d, int64_t position);     // reversed(d): -1 at the end
void mojo_rt_dict_update(MojoDict *d, const MojoDict *other);
int64_t mojo_rt_set_equal(const MojoDict *a, const MojoDict *b);     // 0 or 1
MojoDict *mojo_rt_set_combine(const MojoDict *a, const MojoDict *b, int64_t operation);  // 0 |, 1 &, 2 -
MojoDict *mojo_rt_dict_copy(const MojoDict *d);   // shallow (values copied as words)
void mojo_rt_dict_clear(MojoDict *d);
// An Optional is a box {flag, value}: `o.value()` returns the box, or traps when it is empty.
int64_t *mojo_rt_optional_value(int64_t *box, const MojoString *where);  // Mojo's ABORT when empty
// List methods on one-word elements: `extend`, `a + b`, `reverse`, `count`.
void mojo_rt_list_extend(MojoList *list, const MojoList *other);
MojoList *mojo_rt_list_concat(const MojoList *a, const MojoList *b);
void mojo_rt_list_reverse(MojoList *list);
int64_t mojo_rt_list_count(const MojoList *list, int64_t value);        // Int, Bool
int64_t mojo_rt_list_count_float(const MojoList *list, double value);
int64_t mojo_rt_list_count_str(const MojoList *list, const MojoString *value);
// `xs.index(x)`: raises "ValueError: Given element is not in list" when absent.
int64_t mojo_rt_list_index(const MojoList *list, int64_t value);
int64_t mojo_rt_list_index_float(const MojoList *list, double value);
int64_t mojo_rt_list_index_str(const MojoList *list, const MojoString *value);
// `sort(list)` of one-word elements: kind 0 Int or Bool, 1 Float64, 2 String.
void mojo_rt_list_sort(MojoList *list, int64_t kind);

#endif
