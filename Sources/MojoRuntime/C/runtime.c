//! The mojoc runtime: program entry, buffered printing, traps, arithmetic helpers, strings and
//! lists, implementing mojo_runtime.h with the semantics of LANGUAGE.md §7, §10, §12 and §13.
//!
//! Compiled by Scripts/build-runtime with the pinned clang-19 into a PIC object that ships inside
//! mojoc (Sources/MojoRuntime/generated/RuntimeObject.swift). Every compiled program is linked as
//! `cc <objects> runtime.o -o exe`, so this file may use libc only: no libm (floor, ceil and trunc
//! are done on the bit pattern) and no stdio (printf rounding must never decide a digit).
//! Layout: output buffer and traps, integer text, Float64 text (§12.1, exact big-integer digit
//! generation), arithmetic, strings, lists, entry point.
#include "mojo_runtime.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>

// MARK: - Output buffer

/// Standard output buffer; flushed when full, at exit and before every trap.
static uint8_t out_buffer[1 << 16];
static size_t out_used;

/// Writes all bytes to a file descriptor, retrying partial writes and EINTR; gives up on errors
/// (a closed pipe must not turn into an endless loop).
static void write_all(int fd, const uint8_t *bytes, size_t count) {
  while (count > 0) {
    ssize_t written = write(fd, bytes, count);
    if (written < 0) {
      if (errno == EINTR) continue;
      return;
    }
    bytes += written;
    count -= (size_t)written;
  }
}

static void flush_stdout(void) {
  write_all(1, out_buffer, out_used);
  out_used = 0;
}

/// Appends bytes to the output buffer; large writes bypass it after a flush.
static void out_bytes(const uint8_t *bytes, size_t count) {
  if (count > sizeof(out_buffer) - out_used) {
    flush_stdout();
    if (count >= sizeof(out_buffer)) {
      write_all(1, bytes, count);
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

/// Flushes what the program printed, reports `message` on stderr and dies by SIGABRT.
static _Noreturn void trap(const char *message) {
  flush_stdout();
  err_text("mojo: run-time error: ");
  err_text(message);
  err_text("\n");
  abort();
}

_Noreturn void mojo_rt_trap_div_zero(void) { trap("integer division by zero"); }

_Noreturn void mojo_rt_trap_index(int64_t index, int64_t length) {
  flush_stdout();
  // The reference's text (LANGUAGE.md §10.2), recommended but not checked.
  err_text("mojo: run-time error: index ");
  err_int(index);
  err_text(" is out of bounds, valid range is 0 to ");
  err_int(length - 1);
  err_text("\n");
  abort();
}

/// Allocates or traps: a program that runs out of memory cannot continue meaningfully.
static void *allocate(size_t size) {
  void *memory = malloc(size ? size : 1);
  if (!memory) trap("out of memory");
  return memory;
}

void *mojo_rt_alloc(int64_t size) {
  void *memory = allocate(size > 0 ? (size_t)size : 8);
  memset(memory, 0, size > 0 ? (size_t)size : 8);
  return memory;
}

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

void mojo_rt_print_float(double value) {
  char text[40];
  out_bytes((const uint8_t *)text, format_float(value, text));
}

#include "runtime_float.inc"
#include "runtime_values.inc"

// MARK: - Entry point

static void *run_program(void *unused) {
  (void)unused;
  mojo_main();
  return NULL;
}

/// Stack of the thread that runs the program: generated code keeps every value of a function in
/// its frame, so one function with a million statements needs far more than the default 8 MiB.
/// The memory is reserved, not committed: untouched pages cost nothing.
#define PROGRAM_STACK_BYTES ((size_t)1 << 30)

/// The process entry: runs the program's `main` on a thread with a large stack and flushes what
/// it printed. Falls back to the main thread if that thread cannot be created.
int main(int argc, char **argv) {
  (void)argc;
  (void)argv;
  pthread_attr_t attributes;
  pthread_t thread;
  if (pthread_attr_init(&attributes) == 0 && pthread_attr_setstacksize(&attributes, PROGRAM_STACK_BYTES) == 0 &&
      pthread_create(&thread, &attributes, run_program, NULL) == 0) {
    pthread_join(thread, NULL);
  } else {
    mojo_main();
  }
  flush_stdout();
  return 0;
}
