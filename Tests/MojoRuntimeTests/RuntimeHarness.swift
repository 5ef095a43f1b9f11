//! Builds and runs small C programs against the embedded runtime object. The runtime is its own
//! start-up code (`_start`), so the harness links with `cc -nostartfiles`: libc stays available
//! to the test programs (sprintf, malloc) but no C start files, and no -lm.

import Foundation
import MojoRuntime
import TestSupport

/// The result of running one harness program.
struct HarnessRun {
  var status: Int32
  var terminatedBySignal: Bool
  var stdout: String
  var stderr: String
}

/// Compiles C sources that define `mojo_main` with `cc`, links them with `RuntimeObject.bytes`
/// and runs the executable. Each call works in its own temporary folder, so tests may run it in
/// parallel.
enum RuntimeHarness {
  /// The package root, found from this file's path (Tests/MojoRuntimeTests/<file>).
  static let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// Helpers every harness program gets: string literals, one value per line, bit patterns.
  static let prelude = #"""
    #include <stdint.h>
    #include <stdlib.h>
    #include <string.h>
    #include "mojo_runtime.h"
    static const MojoString *lit(const char *text) {
      size_t n = strlen(text);
      MojoString *s = malloc(sizeof(MojoString) + n);
      s->length = (int64_t)n;
      memcpy(s->bytes, text, n);
      return s;
    }
    static void newline(void) { mojo_rt_print_string(lit("\n")); }
    static void f(double x) { mojo_rt_print_float(x); newline(); }
    static void i(int64_t x) { mojo_rt_print_int(x); newline(); }
    static void s(const MojoString *x) { mojo_rt_print_string(x); newline(); }
    static double from_bits(uint64_t b) { double x; memcpy(&x, &b, sizeof x); return x; }
    /* A round trip through a volatile hides a value from the C compiler (no folding), like a
       Mojo `var`, and keeps it exactly (-0.0 stays -0.0). */
    static double rt(double x) { volatile double hidden = x; return hidden; }

    """#

  /// Compiles `body` (C code after the prelude; it must define `void mojo_main(void)`), links it
  /// with the runtime object and runs it.
  static func run(_ body: String) throws -> HarnessRun {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("mojo-runtime-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }

    let runtimeObject = folder.appendingPathComponent("runtime.o")
    try Data(RuntimeObject.bytes).write(to: runtimeObject)
    let harnessSource = folder.appendingPathComponent("harness.c")
    try (prelude + body).write(to: harnessSource, atomically: true, encoding: .utf8)
    let harnessObject = folder.appendingPathComponent("harness.o")
    let executable = folder.appendingPathComponent("harness")
    let headerFolder = packageRoot.appendingPathComponent("Sources/MojoRuntime/C")

    let compile = try execute(
      "/usr/bin/env",
      ["cc", "-O0", "-ffp-contract=off", "-I", headerFolder.path, "-c", harnessSource.path, "-o",
       harnessObject.path], in: folder)
    guard compile.status == 0 else { throw HarnessError.compileFailed(compile.stderr) }
    let link = try execute(
      "/usr/bin/env", ["cc", "-nostartfiles", harnessObject.path, runtimeObject.path, "-o", executable.path],
      in: folder)
    guard link.status == 0 else { throw HarnessError.linkFailed(link.stderr) }
    return try execute(executable.path, [], in: folder)
  }

  /// Runs a program to completion with its output streams sent to files in `folder` (files, not
  /// pipes, so a large output can never block the child).
  static func execute(_ path: String, _ arguments: [String], in folder: URL) throws -> HarnessRun {
    let scratch = folder.appendingPathComponent("run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let run = try Launch.run([path] + arguments, scratch: scratch)
    // Launch reports a signal as 128 + its number; HarnessRun keeps the two apart.
    let signaled = run.status > 128
    return HarnessRun(status: signaled ? run.status - 128 : run.status, terminatedBySignal: signaled,
                      stdout: run.stdout, stderr: run.stderr)
  }

  /// Prints every case with `printer` (a prelude helper: `f`, `i` or `s`), one line each, and
  /// pairs each case with the line it printed (nil when the program crashed or stopped early).
  static func printLines(_ cases: [PrintCase], printer: String) throws -> [(PrintCase, String?)] {
    let calls = cases.map { "  \(printer)(\($0.expression));" }.joined(separator: "\n")
    let run = try run("void mojo_main(void) {\n\(calls)\n}\n")
    var lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    return cases.enumerated().map { index, item in
      (item, index < lines.count && run.status == 0 ? lines[index] : nil)
    }
  }
}

/// One C expression and the exact text the runtime must print for it.
struct PrintCase: CustomStringConvertible {
  var expression: String
  var expected: String
  var description: String { expression }

  init(_ expression: String, _ expected: String) {
    self.expression = expression
    self.expected = expected
  }
}

/// Why a harness program could not be built.
enum HarnessError: Error, CustomStringConvertible {
  case compileFailed(String)
  case linkFailed(String)

  var description: String {
    switch self {
    case .compileFailed(let log): "harness did not compile:\n\(log)"
    case .linkFailed(let log): "harness did not link with runtime.o:\n\(log)"
    }
  }
}
