//! The mojoc runtime: program entry, buffered printing, traps, arithmetic helpers, strings and
//! lists, implementing mojo_runtime.h with the semantics of LANGUAGE.md §7, §10, §12 and §13.
//!
//! Compiled by Scripts/build-runtime with the pinned clang-19 into an object that ships inside
//! mojoc (Sources/MojoRuntime/generated/RuntimeObject.swift). It needs no library at all: it has
//! its own process entry, system calls, allocator and mem* functions (runtime_system.inc), so a
//! program is the module objects plus this one, linked statically. No libm (floor, ceil and trunc
//! are done on the bit pattern) and no stdio (printf rounding must never decide a digit).
//! Layout: system layer, output buffer and traps, integer text, Float64 text (§12.1, exact
//! big-integer digit generation), arithmetic, strings, lists, string methods.
#include "mojo_runtime.h"

#include <stddef.h>

#include "runtime_system.inc"

// MARK: - Output buffer

/// Standard output buffer; flushed when full, at exit and before every trap.
static uint8_t out_buffer[1 << 16];
static size_t out_used;

/// Writes all bytes to a file descriptor, retrying partial writes and EINTR (and waiting when
/// the descriptor is non-blocking); returns 0, or the errno of the write that failed.
static long write_all(int fd, const uint8_t *bytes, size_t count) {
  while (count > 0) {
    long written = sys_write(fd, bytes, count);
    if (written < 0) {
      if (written == -E_INTR) continue;
      if (written == -E_AGAIN) {
        wait_writable(fd);
        continue;
      }
      return -written;
    }
    bytes += written;
    count -= (size_t)written;
  }
  return 0;
}

static void err_text(const char *text);
static void err_int(int64_t value);

/// Reports a failed write to standard output (LANGUAGE.md §13: output is never silently lost).
static void report_stdout_error(long error) {
  err_text("mojo: run-time error: cannot write to standard output: ");
  const char *text = error_text(error);
  if (text) {
    err_text(text);
  } else {
    err_text("error ");
    err_int(error);
  }
  err_text("\n");
}

/// Writes the buffer out; returns 0 or the errno of a failed write (the buffer is emptied
/// either way).
static long flush_stdout_status(void) {
  size_t count = out_used;
  out_used = 0;
  return write_all(1, out_buffer, count);
}

/// Writes the buffer out; a write error ends the program like a trap.
static void flush_stdout(void) {
  long error = flush_stdout_status();
  if (error) {
    report_stdout_error(error);
    sys_abort();
  }
}

/// Appends bytes to the output buffer; large writes bypass it after a flush.
static void out_bytes(const uint8_t *bytes, size_t count) {
  if (count > sizeof(out_buffer) - out_used) {
    flush_stdout();
    if (count >= sizeof(out_buffer)) {
      long error = write_all(1, bytes, count);
      if (error) {
        report_stdout_error(error);
        sys_abort();
      }
      return;
    }
  }
  memcpy(out_buffer + out_used, bytes, count);
  out_used += count;
}

// MARK: - Traps

static size_t text_length(const char *text) {
  size_t n = 0;
  while (text[n]) n++;
  return n;
}

static void err_text(const char *text) { write_all(2, (const uint8_t *)text, text_length(text)); }

/// Writes the decimal text of `value` ending at `end` (exclusive); returns the first byte.
static char *format_uint_backwards(uint64_t magnitude, char *end) {
  char *p = end;
  do {
    *--p = (char)('0' + magnitude % 10);
    magnitude /= 10;
  } while (magnitude != 0);
  return p;
}

static char *format_int_backwards(int64_t value, char *end) {
  // Work on the magnitude as unsigned so INT64_MIN needs no special case.
  uint64_t magnitude = value < 0 ? (uint64_t)0 - (uint64_t)value : (uint64_t)value;
  char *p = end;
  do {
    *--p = (char)('0' + magnitude % 10);
    magnitude /= 10;
  } while (magnitude != 0);
  if (value < 0) *--p = '-';
  return p;
}

static void err_int(int64_t value) {
  char text[24];
  char *start = format_int_backwards(value, text + sizeof(text));
  write_all(2, (const uint8_t *)start, (size_t)(text + sizeof(text) - start));
}

/// Flushes what the program printed, reports `message` on stderr and dies by `signal`.
static _Noreturn void fault(const char *message, int signal) {
  long error = flush_stdout_status();
  err_text("mojo: run-time error: ");
  err_text(message);
  err_text("\n");
  if (error) report_stdout_error(error);
  sys_die(signal);
}

/// A fault Mojo 1.2 does not report itself (out of memory, a failed write): dies by SIGABRT.
static _Noreturn void trap(const char *message) { fault(message, SIG_ABRT); }

/// `/` of integers by zero: as Mojo 1.2's programs (the `idiv` instruction's fault), what was
/// printed is flushed and the program dies by SIGFPE (status 136) with no message of its own;
/// `//` and `%` by zero give 0 and never get here.
_Noreturn void mojo_rt_trap_div_zero(void) {
  long error = flush_stdout_status();
  if (error) report_stdout_error(error);
  sys_die(SIG_FPE);
}

// MARK: - Errors (`raises`)

/// The error being propagated: a raising function stores its `Error` (a string) here and returns;
/// its caller tests the slot after the call. Null when no error is in flight.
static const MojoString *error_slot;

const MojoString **mojo_rt_error_slot(void) { return &error_slot; }

_Noreturn void mojo_rt_uncaught_error(const MojoString *message) {
  long error = flush_stdout_status();
  err_text("stack trace was not collected. Enable stack trace collection with environment variable "
           "`MODULAR_DEBUG=stack-trace-on-error`\n");
  err_text("Unhandled exception caught during execution: ");
  write_all(2, message->bytes, (size_t)message->length);
  err_text("\n");
  if (error) {
    report_stdout_error(error);
    sys_abort();
  }
  sys_exit(1);
}

// MARK: - Failed checks, as Mojo reports them

static void out_text(const char *text) { out_bytes((const uint8_t *)text, text_length(text)); }

static void out_int(int64_t value) {
  char text[24];
  char *start = format_int_backwards(value, text + sizeof(text));
  out_bytes((const uint8_t *)start, (size_t)(text + sizeof(text) - start));
}

/// Writes `where` (the source location "path:line:col" the compiler passed; null or empty when
/// it has none) and the separator after it.
static void out_where(const MojoString *where) {
  if (!where || where->length == 0) return;
  out_bytes(where->bytes, (size_t)where->length);
  out_text(": ");
}

/// Starts the report of a failed bounds check as Mojo 1.2 prints it (its `debug_assert`):
/// `At: <where>: Assert Error: ` on standard output, after what the program printed.
static void assert_begin(const MojoString *where) {
  if (where && where->length) out_text("At: ");
  out_where(where);
  out_text("Assert Error: ");
}

/// Ends a report begun by `assert_begin` (or Mojo's `ABORT: ` line): writes it out with the rest
/// of standard output and dies by SIGILL, as Mojo's trap instruction does (status 132).
static _Noreturn void assert_end(void) {
  out_text("\n");
  long error = flush_stdout_status();
  if (error) report_stdout_error(error);
  sys_die(SIG_ILL);
}

/// Mojo's `abort(message)`: `ABORT: <where>: <message>` on standard output, then SIGILL.
static _Noreturn void abort_at(const MojoString *where, const char *message) {
  out_text("ABORT: ");
  out_where(where);
  out_text(message);
  assert_end();
}

_Noreturn void mojo_rt_trap_index(int64_t index, int64_t length, const MojoString *where) {
  assert_begin(where);
  out_text("index ");
  out_int(index);
  out_text(" is out of bounds, valid range is 0 to ");
  out_int(length - 1);
  assert_end();
}

void *mojo_rt_alloc(int64_t size) { return allocate(size > 0 ? (size_t)size : 8); }

// MARK: - Printing scalars

void mojo_rt_print_int(int64_t value) {
  char text[24];
  char *start = format_int_backwards(value, text + sizeof(text));
  out_bytes((const uint8_t *)start, (size_t)(text + sizeof(text) - start));
}

void mojo_rt_print_bool(int64_t value) {
  if (value) out_bytes((const uint8_t *)"True", 4);
  else out_bytes((const uint8_t *)"False", 5);
}

void mojo_rt_print_string(const MojoString *s) { out_bytes(s->bytes, (size_t)s->length); }

// The Float64 formatter (runtime_float.inc, included below) writes at most 25 bytes into `text`:
// "-", 17 digits, "." and "e-308" at the longest; returns the length.
static size_t format_float(double value, char *text);
static size_t format_float_as(double value, int single, char *text);

void mojo_rt_print_float(double value) {
  char text[40];
  out_bytes((const uint8_t *)text, format_float(value, text));
}

void mojo_rt_print_float32(double value) {
  char text[40];
  out_bytes((const uint8_t *)text, format_float_as(value, 1, text));
}

void mojo_rt_print_uint(int64_t value) {
  char text[24];
  char *start = format_uint_backwards((uint64_t)value, text + sizeof(text));
  out_bytes((const uint8_t *)start, (size_t)(text + sizeof(text) - start));
}

#include "runtime_float.inc"
#include "runtime_values.inc"
#include "runtime_math.inc"
#include "runtime_strings.inc"
#include "runtime_dicts.inc"
