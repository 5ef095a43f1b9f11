//! The build pipeline, in order. Each step's code lives in its own file:
//!   1. load:  `Project/ProjectLoader.swift` — find modules from `main.mojo`, parse them in waves
//!   2. bind:  `MojoSema/Binder.swift` — module symbols, imports, signatures (serial)
//!   3. check: `MojoSema/BodyChecker.swift` — function bodies, one job per module
//!   4. lower + generate: `MojoLowering/ModuleLowering.swift` then a `Backend`, one job per module
//!   5. link:  `Toolchain/Linker.swift` — objects plus the embedded runtime, atomically written
//! Jobs write results into slots indexed by module; diagnostics are merged in module order and
//! by position, so output never depends on thread timing.
import Foundation
import MojoCodegen
import MojoCopyPatch
import MojoDiagnostics
import MojoIR
import MojoLLVM
import MojoLowering
import MojoRuntime
import MojoSema

/// The outcome of a build.
public struct BuildResult: Sendable {
  /// User diagnostics, in the order to print them.
  public var diagnostics: [Diagnostic] = []
  /// Text to print on stdout (`--emit ir` / `llvm-ir` without `-o`).
  public var text: String?
  /// True when the build failed because of errors in the program.
  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Runs builds.
public struct CompilePlan: Sendable {
  public let options: BuildOptions
  let executor: any JobExecutor

  public init(options: BuildOptions, executor: (any JobExecutor)? = nil) {
    self.options = options
    self.executor = executor ?? DispatchExecutor(workers: options.jobs)
  }

  /// Runs the whole pipeline. Throws `DriverError` for environment failures; program errors are
  /// returned as diagnostics.
  public func run() throws -> BuildResult {
    var result = BuildResult()
    // 1. Load and parse.
    let loader = try ProjectLoader(input: options.input)
    let project = try loader.load(executor: executor)
    // Imported modules report before their importers, as the reference compiler does (it
    // checks an import when it meets it): modules in reverse discovery order, `main` last.
    result.diagnostics = project.diagnostics.reversed().flatMap { $0 }
    if result.hasErrors { return result }

    // 2. Bind module-level names.
    var program = Program(modules: project.modules)
    let bindDiagnostics = Binder.bind(&program)

    // 3. Check bodies, one job per module.
    let frozen = program
    let moduleCount = project.modules.count
    let checkedSlots = ResultSlots<(CheckedModule, [Diagnostic])>(count: moduleCount)
    executor.run(count: moduleCount) { m in checkedSlots[m] = BodyChecker.check(frozen, module: m) }
    let checked = checkedSlots.values.map { $0! }
    for m in (0..<moduleCount).reversed() {
      let all = bindDiagnostics[m] + checked[m].1
      result.diagnostics += all.filter { $0.location.file != nil }.sorted { $0.location.offset < $1.location.offset }
      result.diagnostics += all.filter { $0.location.file == nil }
    }
    if result.hasErrors { return result }

    // 4. Lower and generate code, one job per module.
    let backend = makeBackend()
    let emit = options.emit
    let verify = options.verifyIR
    let outputs = ResultSlots<Result<ModuleOutput, DriverError>>(count: moduleCount)
    executor.run(count: moduleCount) { m in
      outputs[m] = Result { try CompilePlan.compileModule(checked[m].0, program: frozen, backend: backend, emit: emit, verify: verify) }
        .mapError { $0 as? DriverError ?? .codegen(String(describing: $0)) }
    }
    let modules = try outputs.values.map { try $0!.get() }

    // 5. Emit what was asked for.
    switch emit {
    case .ir, .llvmIR:
      let text = modules.compactMap(\.text).joined(separator: "\n")
      if let path = options.output {
        try write(Array(text.utf8), to: path)
      } else {
        result.text = text
      }
    case .obj:
      let folder = options.output ?? "."
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      for output in modules { try write(output.object!.bytes, to: "\(folder)/\(output.object!.moduleName).o") }
    case .exe:
      try link(modules.compactMap(\.object), output: options.output ?? "main")
    }
    return result
  }

  /// What one module job produces.
  struct ModuleOutput: Sendable {
    var text: String?
    var object: ObjectFile?
  }

  static func compileModule(_ checked: CheckedModule, program: Program, backend: any Backend, emit: EmitKind,
                            verify: Bool) throws -> ModuleOutput {
    let ir = ModuleLowering.lower(checked, in: program)
    if verify || isDebugBuild {
      let errors = Verifier.verify(ir)
      if !errors.isEmpty {
        throw DriverError.internalError("lowering produced invalid IR for module '\(ir.name)':\n"
          + errors.prefix(10).map(\.description).joined(separator: "\n"))
      }
    }
    switch emit {
    case .ir: return ModuleOutput(text: Printer.print(ir))
    case .llvmIR:
      guard let llvm = backend as? LLVMBackend else { throw DriverError.codegen("--emit llvm-ir needs --backend llvm") }
      return ModuleOutput(text: try llvm.emitLLVMText(for: ir))
    case .obj, .exe:
      return ModuleOutput(object: try backend.emitObject(for: ir))
    }
  }

  func makeBackend() -> any Backend {
    switch options.backend {
    case .llvm: LLVMBackend(optimization: options.optimization)
    case .cnp: CopyPatchBackend()
    }
  }

  /// Writes objects and the runtime to a private temporary folder and links them.
  func link(_ objects: [ObjectFile], output: String) throws {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("mojoc-\(getpid())-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    var paths: [String] = []
    for (i, object) in objects.enumerated() {
      let path = scratch.appendingPathComponent("\(i)-\(object.moduleName).o").path
      try write(object.bytes, to: path)
      paths.append(path)
    }
    let runtimePath = scratch.appendingPathComponent("mojo_runtime.o").path
    try write(RuntimeObject.bytes, to: runtimePath)
    paths.append(runtimePath)
    let outputURL = URL(fileURLWithPath: output)
    let temporary = outputURL.deletingLastPathComponent()
      .appendingPathComponent(".\(outputURL.lastPathComponent).mojoc-\(getpid()).tmp").path
    let linker = Linker(choice: options.linker)
    let job = try linker.plan(objects: paths, output: temporary)
    try linker.run(job, finalOutput: output)
  }

  func write(_ bytes: [UInt8], to path: String) throws {
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
      throw DriverError.cannotWrite(path, "cannot create file")
    }
  }
}

#if DEBUG
let isDebugBuild = true
#else
let isDebugBuild = false
#endif
