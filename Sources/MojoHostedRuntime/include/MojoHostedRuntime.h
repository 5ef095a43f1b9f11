// The mojoc runtime (Sources/MojoRuntime/C) compiled into mojoc itself, for the IR interpreter
// (Sources/MojoInterpreter): interpreted programs call the very functions a built program links,
// so printing, traps, strings and lists behave exactly as in an executable. One program per
// process: the runtime's state (output buffer, error slot, allocator) belongs to the process.
#ifndef MOJO_HOSTED_RUNTIME_H
#define MOJO_HOSTED_RUNTIME_H
#include <stdint.h>

/// Runs `entry(context)` as the program's `main` on the runtime's guarded 1 GiB stack (a stack
/// overflow is the runtime's "stack overflow" trap), then flushes standard output; returns 0.
/// A trap or an uncaught error ends the process as it ends a built program.
long mojo_hosted_run(void (*entry)(void *context), void *context);

/// Flushes standard output and ends the process by the runtime's trap with `message`.
_Noreturn void mojo_hosted_trap(const char *message);

/// The runtime's trap for `idiv` by zero (mojo_runtime.h).
_Noreturn void mojo_rt_trap_div_zero(void);

/// The number of runtime functions the interpreter can call.
long mojo_hosted_function_count(void);
/// The symbol of runtime function `index`.
const char *mojo_hosted_function_name(long index);
/// The address of runtime function `index`.
const void *mojo_hosted_function_address(long index);

/// Calls the runtime function at `function` with up to 6 integer or pointer arguments and up to
/// 8 Float64 arguments (the SysV x86-64 convention passes the two classes in separate registers,
/// so one call shape fits every runtime function); returns what it returns in rax (0 for void).
int64_t mojo_hosted_call_int(const void *function, const int64_t *ints, const double *floats);
/// The same for a function returning a Float64.
double mojo_hosted_call_float(const void *function, const int64_t *ints, const double *floats);

#endif
