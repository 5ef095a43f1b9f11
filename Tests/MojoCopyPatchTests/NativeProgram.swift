//! Test support: links objects from the backend with a C harness into an executable, with GNU ld
//! or lld, runs it and returns its output. Also small builders for hand-written IR modules.
import Foundation
import MojoCodegen
import MojoCopyPatch
import MojoIR
import Testing
import TestSupport

/// The two linkers every generated object must work with.
enum Linker: String, CaseIterable, CustomTestStringConvertible {
  case bfd, lld
  /// The `cc` flags that select the linker (Debian's lld-19 is found through -B).
  var flags: [String] {
    switch self {
    case .bfd: ["-fuse-ld=bfd"]
    case .lld: ["-B/usr/lib/llvm-19/bin", "-fuse-ld=lld"]
    }
  }
  var testDescription: String { rawValue }
}

/// What a linked program did.
struct ProgramResult {
  var stdout: String
  var stderr: String
  var status: Int32
}

/// A failure of the toolchain (compiler or linker), with its output.
struct ToolFailure: Error, CustomStringConvertible {
  var description: String
}

/// Builds and runs native test programs in a private temporary folder.
enum NativeProgram {
  /// Runs `tool` with `arguments`; returns stdout, stderr and the exit status.
  static func execute(_ tool: String, _ arguments: [String], in folder: URL? = nil) throws -> ProgramResult {
    let run = try Launch.tool(tool, arguments, in: folder)
    return ProgramResult(stdout: run.stdout, stderr: run.stderr, status: run.status)
  }

  /// Emits every module with the copy-and-patch backend, compiles the C harness, links with
  /// `linker`, runs the program and returns what it did.
  static func run(_ modules: [IRModule], harness: String, linker: Linker) throws -> ProgramResult {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cnp-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var inputs: [String] = []
    for (k, module) in modules.enumerated() {
      let errors = Verifier.verify(module)
      guard errors.isEmpty else { throw ToolFailure(description: "test IR is invalid: \(errors)") }
      let object = try CopyPatchBackend().emitObject(for: module)
      let path = folder.appendingPathComponent("m\(k).o").path
      try Data(object.bytes).write(to: URL(fileURLWithPath: path))
      inputs.append(path)
    }
    let harnessPath = folder.appendingPathComponent("harness.c").path
    try harness.write(toFile: harnessPath, atomically: true, encoding: .utf8)
    let compiled = try execute("cc", ["-c", "-O1", "-std=c11", harnessPath, "-o", harnessPath + ".o"])
    guard compiled.status == 0 else { throw ToolFailure(description: "cc -c harness failed:\n\(compiled.stderr)") }
    let program = folder.appendingPathComponent("program").path
    let linked = try execute("cc", linker.flags + [harnessPath + ".o"] + inputs + ["-o", program, "-lm"])
    guard linked.status == 0, linked.stderr.isEmpty else {
      throw ToolFailure(description: "link with \(linker) failed or warned:\n\(linked.stderr)")
    }
    return try execute(program, [])
  }
}

/// The C declarations every harness starts with.
let harnessPrelude = """
  #include <stdint.h>
  #include <stdio.h>
  #include <stdlib.h>
  #include <string.h>
  void mojo_rt_trap_div_zero(void) { fflush(stdout); fputs("trap: division by zero\\n", stderr); exit(3); }
  static void print_f64(double x) {
    uint64_t bits; memcpy(&bits, &x, 8);
    if (x != x) printf("nan\\n"); else printf("%016llx\\n", (unsigned long long)bits);
  }

  """

/// Builds a function body with a closure and adds it to the module.
@discardableResult
func define(_ module: inout IRModule, _ symbol: String, _ parameters: [IRType], _ result: IRType,
            linkage: Linkage = .exported, body: (inout FunctionBuilder) -> Void) -> FunctionRef {
  var function = IRFunction(defining: symbol, parameterTypes: parameters, returnType: result, linkage: linkage)
  var builder = FunctionBuilder(parameterTypes: parameters)
  body(&builder)
  builder.finish(into: &function)
  module.functions.append(function)
  return FunctionRef(module.functions.count - 1)
}

/// C source for an i64 literal (MIN has no literal).
func cInt(_ x: Int64) -> String { x == .min ? "INT64_MIN" : "INT64_C(\(x))" }
