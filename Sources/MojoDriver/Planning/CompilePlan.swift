//! The build pipeline, in order. Each step's code lives in its own file:
//!   1. parse: `Project/ProjectLoader.swift` — find modules from `main.mojo`, parse them in
//!      waves, one job per file
//!   2. bind:  `MojoSema/Binder.swift` — module symbols, imports, signatures (serial)
//!   3. check: `MojoSema/BodyChecker.swift` — function bodies, one job per module
//!   4. lower + codegen: `MojoLowering/ModuleLowering.swift` then a `Backend`, one job per
//!      module; for an executable each job also writes its object to the scratch folder
//!   5. link:  `Toolchain/Linker.swift` — objects plus the embedded runtime, by the built-in linker
//!      (`MojoLinker/StaticLinker.swift`) or a system one, atomically written
//! Every parallel stage is a list of `Job` values (`Planning/Job.swift`) run by a `JobExecutor`
//! through `Execution/StageRunner.swift`, which also records trace spans and progress. Jobs
//! write results into slots indexed by module; diagnostics are merged in module order and by
//! position, so output never depends on thread timing. Reports: `CompilePlan+Profiling.swift`.
import FoundationEssentials
import Glibc
import MojoCodegen
import MojoCopyPatch
import MojoDiagnostics
import MojoIR
import MojoLinker
import MojoLLVM
import MojoLowering
import MojoProfiling
import MojoRuntime
import MojoSema
import MojoSyntax

/// The outcome of a build.
public struct BuildResult: Sendable {
  /// User diagnostics, in the order to print them.
  public var diagnostics: [Diagnostic] = []
  /// Text to print on stdout (`--emit ir` / `llvm-ir` without `-o`).
  public var text: String?
  /// The `--timings` table, to print on stderr.
  public var timingsText: String?
  /// Files written by `--time-trace` and `--timings=html`.
  public var reportFiles: [String] = []
  /// The exit status of the program `mojoc run` ran (nil when nothing ran).
  public var exitStatus: Int32?
  /// True when the build failed because of errors in the program.
  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Runs builds.
public struct CompilePlan: Sendable {
  public let options: BuildOptions
  let executor: any JobExecutor
  let progress: ProgressLine?

  /// A build of `options`; `executor` defaults to Dispatch with `options.jobs` workers (one
  /// thread for `-j1`); `progress`, when given, shows a progress line.
  public init(options: BuildOptions, executor: (any JobExecutor)? = nil, progress: ProgressLine? = nil) {
    self.options = options
    self.executor = executor ?? (options.jobs <= 1 ? SerialExecutor() : DispatchExecutor(workers: options.jobs))
    self.progress = progress
  }

  /// Runs the whole pipeline. Throws `DriverError` for environment failures; program errors are
  /// returned as diagnostics.
  public func run() throws -> BuildResult {
    try checkOutput()
    // libLLVM is opened only when LLVM generates code (it is not linked into mojoc).
    if options.backend == .llvm && options.emit != .ir {
      do {
        try LLVMBackend.loadLibrary(path: options.llvmLibrary)
      } catch {
        throw DriverError.llvmUnavailable(error.description)
      }
    }
    // Deep input recurses deeply: the whole build runs on a large-stack thread (`LargeStack`).
    return try LargeStack.run { try runOnThisThread() }
  }

  private func runOnThisThread() throws -> BuildResult {
    let recorder = options.profiling.isEnabled ? SpanRecorder(workerCount: executor.workerCount) : nil
    let runner = StageRunner(executor: executor, recorder: recorder, progress: progress)
    progress?.start()
    defer { progress?.finish() }
    guard let recorder else { return try runStages(runner) }
    let linkerCPUBefore = ProfileClock.childrenCPU()
    let open = recorder.begin()
    var result = try runStages(runner)
    recorder.end(open, phase: .build, track: 0)
    let profile = BuildProfile(spans: recorder.spans(), workerCount: executor.workerCount,
                               peakResidentBytes: ProfileClock.peakResidentBytes(),
                               linkerCPU: ProfileClock.childrenCPU() &- linkerCPUBefore)
    try report(profile, into: &result)
    return result
  }

  /// Refuses an output path that the build must not or cannot write, before any work.
  func checkOutput() throws(DriverError) {
    if options.runsInProcess { return }
    switch options.emit {
    case .exe:
      try BuildOutput.check(options.executablePath, emit: .exe, input: options.input, isDefault: options.output == nil)
    case .obj:
      try BuildOutput.check(options.output ?? ".", emit: .obj, input: options.input, isDefault: options.output == nil)
    case .ir, .llvmIR:
      if let path = options.output { try BuildOutput.check(path, emit: options.emit, input: options.input, isDefault: false) }
    }
  }

  /// The stages in order.
  func runStages(_ runner: StageRunner) throws -> BuildResult {
    var result = BuildResult()
    if isIRInput {
      let modules = try compileIRFile(runner: runner)
      try emit(modules, runner: runner, scratch: nil, into: &result)
      return result
    }
    // 1. Load and parse.
    let loader = try ProjectLoader(input: options.input)
    var project = try runner.stage(.parse) { try loader.load(runner: runner) }
    // Imported modules report before their importers, as the reference compiler does (it
    // checks an import when it meets it): modules in reverse discovery order, `main` last.
    result.diagnostics = project.diagnostics.reversed().flatMap { $0 }
    if result.hasErrors { return result }
    runner.progress?.planRemaining(jobs: 2 * project.modules.count)
    // From here on the program holds the only reference to the trees and sources, so that
    // each is freed as soon as its module is lowered.
    var program = Program(modules: project.modules)
    project = LoadedProject(modules: [], diagnostics: [])

    // For a system linker, an executable's objects go to a private scratch folder as each job
    // finishes; the built-in linker takes them from memory.
    let scratch = options.emit == .exe && options.linker != .builtin && !options.runsInProcess
      ? try makeScratchFolder() : nil
    defer {
      if let scratch {
        runner.stage(.cleanup) { try? FileManager.default.removeItem(at: scratch) }
        InterruptCleanup.forget(scratch.path)
      }
    }

    // 2-4. Bind, check, lower and generate; the program and its trees are released on return.
    guard let modules = try compile(&program, runner: runner, scratch: scratch, into: &result) else {
      return result
    }

    try emit(modules, runner: runner, scratch: scratch, into: &result)
    return result
  }

  /// 5. Emits what was asked for: text, objects, an executable, or the program run in process.
  func emit(_ modules: [ModuleOutput], runner: StageRunner, scratch: URL?, into result: inout BuildResult) throws {
    switch options.emit {
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
      for output in modules {
        try runner.stage(.writeObject) { try write(output.object!.bytes, to: "\(folder)/\(output.object!.moduleName).o") }
      }
    case .exe where options.runsInProcess && options.interprets:
      result.exitStatus = try interpret(modules, runner: runner)
    case .exe where options.runsInProcess:
      result.exitStatus = try run(modules, runner: runner)
    case .exe:
      try runner.stage(.link) { try link(modules, scratch: scratch, output: options.executablePath) }
    }
  }

  /// Binds, checks and compiles the modules of `program`; nil (with the diagnostics in
  /// `result`) when the program has errors. Takes the syntax trees and sources out of
  /// `program`: each module's are freed when that module has been lowered.
  func compile(_ program: inout Program, runner: StageRunner, scratch: URL?,
               into result: inout BuildResult) throws -> [ModuleOutput]? {
    // 2. Bind module-level names (the binder adds the library's modules after the project's).
    let names = program.modules.map(\.name)
    let bindDiagnostics = runner.stage(.bind) { Binder.bind(&program) }

    // 3. Check bodies, one job per module of the project, largest first (by source size).
    let sizes = names.indices.map { program.modules[$0].file?.bytes.count ?? 0 }
    let checked = ResultSlots<(CheckedModule, [Diagnostic])>(count: names.count)
    do {
      let frozen = program
      runner.stage(.check) {
        runner.run(Job.plan(.check, modules: names, largestFirst: sizes)) { job, _ in checked[job.index] = BodyChecker.check(frozen, module: job.index) }
      }
      // 3b. Check the instances of generic functions the bodies need (serial; none without generics).
      let requests = names.indices.map { checked[$0]!.0.requestedInstances }
      if requests.contains(where: { !$0.isEmpty }) {
        let (instances, instanceDiagnostics) = runner.stage(.check) { Instantiator.instantiate(frozen, requests: requests) }
        for m in names.indices {
          var slot = checked[m]!
          slot.0.instances = instances[m]
          slot.1 += instanceDiagnostics[m]
          checked[m] = slot
        }
      }
    }
    for m in names.indices.reversed() {
      let all = bindDiagnostics[m] + checked[m]!.1
      result.diagnostics += all.filter { $0.location.file != nil }.sorted { $0.location.offset < $1.location.offset }
      result.diagnostics += all.filter { $0.location.file == nil }
    }
    // Mojo stops before its warning passes when the program has errors: no warnings then.
    if result.hasErrors { result.diagnostics.removeAll { $0.severity == .warning } }
    result.diagnostics = options.warnings.apply(to: result.diagnostics)
    if result.hasErrors { return nil }

    // 4. Lower and generate code, one job per module, largest first. Each job takes its
    // checked module and its tree out of their slots, so both are freed as soon as that
    // module's IR exists; the sources are no longer needed at all.
    let trees = ResultSlots<SyntaxTree>(count: names.count)
    for m in names.indices {
      trees[m] = program.modules[m].tree
      program.modules[m].tree = SyntaxTree()
      program.modules[m].file = nil
    }
    let frozen = program
    let backend = makeBackend()
    let emit = options.emit
    let keepsIR = options.interprets
    let verify = options.verifyIR || isDebugBuild
    let outputs = ResultSlots<Result<ModuleOutput, DriverError>>(count: names.count)
    runner.stage(.compile) {
      runner.run(Job.plan(.compile, modules: names, largestFirst: sizes)) { job, context in
        let objectPath = scratch?.appendingPathComponent("\(job.index)-\(job.moduleName).o").path
        outputs[job.index] = Result {
          try CompilePlan.compileModule(checked.take(job.index)!.0, tree: trees.take(job.index)!, program: frozen,
                                        backend: backend, emit: emit, keepsIR: keepsIR, verify: verify,
                                        objectPath: objectPath, context: context)
        }.mapError { $0 as? DriverError ?? .codegen(String(describing: $0)) }
      }
    }
    return try outputs.values.map { try $0!.get() }
  }

  /// What one compile job produces: text, an object in memory, the path of a written object, or
  /// the IR itself (for the interpreter).
  struct ModuleOutput: Sendable {
    var text: String?
    var object: ObjectFile?
    var objectPath: String?
    var ir: IRModule?
  }

  /// Lowers one module and generates its text or object (or keeps its IR, `keepsIR`); writes the
  /// object to `objectPath` when given.
  static func compileModule(_ checked: consuming CheckedModule, tree: consuming SyntaxTree, program: Program,
                            backend: any Backend, emit: EmitKind, keepsIR: Bool = false, verify: Bool,
                            objectPath: String?, context: JobContext) throws -> ModuleOutput {
    let name = program.modules[checked.module].name
    // The checked module and the tree are consumed: freed before code generation starts.
    let ir = context.measure(.lower, name) { [checked, tree] in ModuleLowering.lower(checked, tree: tree, in: program) }
    _ = consume checked
    _ = consume tree
    if verify { try context.measure(.verify, name) { try verifyIR(ir, producedBy: "lowering") } }
    return try generate(ir, name: name, backend: backend, emit: emit, keepsIR: keepsIR, objectPath: objectPath,
                        context: context)
  }

  /// Stops with an internal error when `ir` breaks an IR rule.
  static func verifyIR(_ ir: IRModule, producedBy producer: String) throws {
    let errors = Verifier.verify(ir)
    if !errors.isEmpty {
      throw DriverError.internalError("\(producer) produced invalid IR for module '\(ir.name)':\n"
        + errors.prefix(10).map(\.description).joined(separator: "\n"))
    }
  }

  /// Generates the text or object of one module's IR (or keeps the IR, `keepsIR`); writes the
  /// object to `objectPath` when given.
  static func generate(_ ir: consuming IRModule, name: String, backend: any Backend, emit: EmitKind, keepsIR: Bool,
                       objectPath: String?, context: JobContext) throws -> ModuleOutput {
    if keepsIR && emit == .exe { return ModuleOutput(ir: ir) }
    switch emit {
    case .ir: return ModuleOutput(text: context.measure(.codegen, name) { Printer.print(ir) })
    case .llvmIR:
      guard let llvm = backend as? LLVMBackend else { throw DriverError.codegen("--emit llvm-ir needs --backend llvm") }
      return ModuleOutput(text: try context.measure(.codegen, name) { try llvm.emitLLVMText(for: ir) })
    case .obj, .exe:
      // The IR is handed over (this job keeps no reference): the backend frees the function
      // bodies once it has selected.
      let handover = Handover(consume ir)
      let object = try context.measure(.codegen, name) {
        try backend.emitObject(for: handover.take(), parallel: context.parallelFor(module: name))
      }
      guard let objectPath else { return ModuleOutput(object: object) }
      try context.measure(.writeObject, name) { try writeScratch(object.bytes, to: objectPath) }
      return ModuleOutput(objectPath: objectPath)
    }
  }

  func makeBackend() -> any Backend {
    switch options.backend {
    case .llvm: LLVMBackend(optimization: options.optimization)
    case .cnp: CopyPatchBackend(instructionsPerPart: options.codegenPartSize)
    }
  }

  /// A fresh private folder for objects: under `$TMPDIR` when set, else in memory under
  /// `/dev/shm` when it exists (creating 240 files on this machine's ext4 `/tmp` took 50-130 ms
  /// of kernel time and removing them 20 ms; on tmpfs 4 ms and 2.5 ms), else the system
  /// temporary folder.
  func makeScratchFolder() throws -> URL {
    var base = FileManager.default.temporaryDirectory
    if getenv("TMPDIR") == nil && access("/dev/shm", W_OK | X_OK) == 0 {
      base = URL(fileURLWithPath: "/dev/shm", isDirectory: true)
    }
    let scratch = base.appendingPathComponent("mojoc-\(getpid())-\(UUID().uuidString)")
    InterruptCleanup.remove(scratch.path)
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    return scratch
  }

  /// Adds the runtime to the modules' objects (in memory, or written to `scratch`) and links them.
  func link(_ modules: [ModuleOutput], scratch: URL?, output: String) throws {
    let temporary = BuildOutput.temporaryPath(for: output)
    InterruptCleanup.remove(temporary)
    defer { InterruptCleanup.forget(temporary) }
    let linker = Linker(choice: options.linker)
    guard let scratch else {
      let inputs = modules.compactMap { $0.object.map { LinkInput(name: "\($0.moduleName).o", bytes: $0.bytes) } }
      try linker.runBuiltin(inputs + [LinkInput(name: "mojo_runtime.o", bytes: RuntimeObject.bytes)],
                            temporary: temporary, finalOutput: output)
      return
    }
    let runtimePath = scratch.appendingPathComponent("mojo_runtime.o").path
    try CompilePlan.writeScratch(RuntimeObject.bytes, to: runtimePath)
    let job = try linker.plan(objects: modules.compactMap(\.objectPath) + [runtimePath], output: temporary)
    try linker.run(job, finalOutput: output)
  }

  /// Links the modules' objects and the runtime into memory and runs the program in this
  /// process (`mojoc run`); returns its exit status. The progress line is erased and buffered
  /// output written first, so nothing of mojoc's mixes into the program's.
  func run(_ modules: [ModuleOutput], runner: StageRunner) throws -> Int32 {
    let inputs = modules.compactMap { $0.object.map { LinkInput(name: "\($0.moduleName).o", bytes: $0.bytes) } }
    // The LLVM backend's objects go through LLVM's own JIT linker (ORC LLJIT), copy-and-patch's
    // through the built-in linker.
    let program: any LoadedProgram = try runner.stage(.link) {
      if options.backend == .llvm { return try JITProgram.load(inputs) }
      return try InProcessProgram.load(inputs)
    }
    defer { program.unload() }
    // A trap or an uncaught error ends mojoc inside the program: the file reports of the build
    // so far are written first, so they survive it; a program that returns rewrites them whole.
    if let recorder = runner.recorder, options.profiling.timeTrace != nil || options.profiling.timingsHTML != nil {
      var discarded = BuildResult()
      try report(BuildProfile(spans: recorder.spans(), workerCount: executor.workerCount,
                              peakResidentBytes: ProfileClock.peakResidentBytes(), linkerCPU: 0), into: &discarded)
    }
    runner.progress?.finish()
    fflush(nil)
    return runner.stage(.run) { program.run() }
  }

  func write(_ bytes: [UInt8], to path: String) throws { try CompilePlan.write(bytes, to: path) }

  /// Writes a file of the private scratch folder in place: no temporary file, rename or fsync
  /// as Foundation's atomic `createFile` does (those cost about 1 ms per object on ext4).
  static func writeScratch(_ bytes: [UInt8], to path: String) throws {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw DriverError.cannotWrite(path, String(cString: strerror(errno))) }
    defer { close(fd) }
    var written = 0
    while written < bytes.count {
      let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, $0.count - written) }
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else { throw DriverError.cannotWrite(path, String(cString: strerror(errno))) }
      written += n
    }
  }

  static func write(_ bytes: [UInt8], to path: String) throws {
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
      throw DriverError.cannotWrite(path, "cannot create file")
    }
  }
}

/// Holds a value until it is taken, so that a closure can pass on the only reference to it.
final class Handover<T> {
  private var value: T?
  init(_ value: consuming T) { self.value = value }
  func take() -> T {
    defer { value = nil }
    return value!
  }
}

#if DEBUG
let isDebugBuild = true
#else
let isDebugBuild = false
#endif
