//! Test helper: emits an IR module with the LLVM backend, compiles a C harness that provides
//! `main` (and any runtime symbol the module needs), links both with `cc`, runs the program and
//! returns what it printed and its exit status.

import Foundation
import MojoCodegen
import MojoIR
import MojoLLVM
import TestSupport

/// The outcome of running a linked test program.
struct ProgramRun: Equatable {
  var output: String
  var status: Int32
}

/// Failures of the tools the tests run (not of the code under test).
struct ToolFailure: Error, CustomStringConvertible {
  var description: String
}

enum NativeProgram {
  /// Emits `module` at `level`, links it with `harness` (C source) and runs the result.
  static func run(_ module: IRModule, level: OptimizationLevel, harness: String) throws -> ProgramRun {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("mojollvm-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let problems = Verifier.verify(module)
    if !problems.isEmpty { throw ToolFailure(description: "test module is not valid IR: \(problems)") }
    let object = try LLVMBackend(optimization: level, verifiesModules: true).emitObject(for: module)
    let modulePath = directory.appendingPathComponent("module.o").path
    let harnessSource = directory.appendingPathComponent("harness.c").path
    let harnessObject = directory.appendingPathComponent("harness.o").path
    let executable = directory.appendingPathComponent("program").path
    try Data(object.bytes).write(to: URL(fileURLWithPath: modulePath))
    try harness.write(toFile: harnessSource, atomically: true, encoding: .utf8)
    try checked(launch("cc", ["-std=c11", "-O0", "-c", harnessSource, "-o", harnessObject]))
    try checked(launch("cc", [harnessObject, modulePath, "-lm", "-o", executable]))
    return try launch(executable, [])
  }

  /// Runs a tool and returns its standard output (stderr appended) and exit status.
  static func launch(_ path: String, _ arguments: [String]) throws -> ProgramRun {
    let run = try Launch.tool(path, arguments)
    return ProgramRun(output: run.stdout + run.stderr, status: run.status)
  }

  private static func checked(_ run: ProgramRun) throws {
    if run.status != 0 { throw ToolFailure(description: "tool failed (\(run.status)): \(run.output)") }
  }
}

// MARK: - Building small modules

extension IRModule {
  /// Adds a defined function whose body `build` writes; returns its reference.
  @discardableResult
  mutating func define(_ symbol: String, _ parameters: [IRType], _ returns: IRType, linkage: Linkage = .exported,
                       _ build: (inout FunctionBuilder) -> Void) -> FunctionRef {
    var function = IRFunction(defining: symbol, parameterTypes: parameters, returnType: returns, linkage: linkage)
    var builder = FunctionBuilder(parameterTypes: parameters)
    build(&builder)
    builder.finish(into: &function)
    functions.append(function)
    return FunctionRef(functions.count - 1)
  }
}

/// Shorthand for a value operand.
func v(_ value: ValueID) -> Operand { .value(value) }
