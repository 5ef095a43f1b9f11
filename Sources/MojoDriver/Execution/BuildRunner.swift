//! Runs a build, in order. Each step's code lives in its own file:
//!   1. parse: `Project/ProjectLoader.swift` — find modules from `main.mojo`, parse them in
//!      waves, one job per file
//!   2. plan:  `Planning/BuildPlan.swift` — one compile action per module and a final action,
//!      as values (no I/O)
//!   3. bind + check: `Frontend/Frontend.swift` — signatures (serial), then function bodies,
//!      one job per module; in a plain build a module's job goes on to step 4 for it as soon as
//!      it is checked, unless a generic instance may still land in it (`Frontend.check(early:)`)
//!   4. compile: each compile action lowers its module (`Frontend.lower`) and hands the IR to a
//!      `Backend`, one job per module; for a system linker each job also writes its object to
//!      the scratch folder
//!   5. the final action: link (`Toolchain/Linker.swift`: objects plus the embedded runtime, by
//!      the built-in linker or a system one, atomically written), write objects or text, or run
//! Every parallel stage is a list of `Job` values (`Planning/Job.swift`) run by a `JobExecutor`
//! through `Execution/StageRunner.swift`, which also records trace spans and progress. Jobs
//! write results into slots indexed by module; diagnostics are merged in module order and by
//! position, so output never depends on thread timing. Reports: `BuildRunner+Profiling.swift`.
import FoundationEssentials
import Glibc
import MojoCodegen
import MojoCopyPatch
import MojoDiagnostics
import MojoHashing
import MojoIR
import MojoLLVM
import MojoLinker
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
  /// What the action cache did (nil when the build did not use it).
  public var cache: CacheStatistics?
  /// What the remote side did (`--remote`; nil when the build did not use it).
  public var remote: RemoteStatistics?
  /// Lines to print on stderr before the diagnostics (a remote fallback, the server's warnings).
  public var messages: [String] = []
  /// True when the build failed because of errors in the program.
  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// What the action cache did during one build.
public struct CacheStatistics: Sendable, Equatable {
  /// Compile actions served from the cache.
  public var hits = 0
  /// Compile actions run (and stored).
  public var misses = 0
  /// Entries found damaged, deleted and rebuilt (counted among the misses too).
  public var corrupt = 0
  /// Entries deleted by the size limit after the build.
  public var trimmed = 0
  /// The modules whose compile action ran, in module order.
  public var compiledModules: [String] = []
  /// Modules parsed from their stub (hits) and from their full source (misses).
  public var parseHits = 0, parseMisses = 0
  /// Modules whose bodies were not checked thanks to a front-end record (hits), and checked
  /// (misses).
  public var checkHits = 0, checkMisses = 0
  /// The modules whose bodies were checked, in module order.
  public var checkedModules: [String] = []
  /// True when the build ran a second time without stubs (an error, or a source that changed
  /// during the build).
  public var restarted = false

  /// One line for `--timings`.
  public var summary: String {
    func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
    return "action cache: \(count(hits, "hit", "hits")), \(count(misses, "miss", "misses"))"
      + (corrupt > 0 ? ", \(corrupt) corrupted entr\(corrupt == 1 ? "y" : "ies") rebuilt" : "")
      + (trimmed > 0 ? ", \(trimmed) old entr\(trimmed == 1 ? "y" : "ies") trimmed" : "")
      + "\n  per phase: parse \(count(parseHits, "hit", "hits")) (stubs), \(count(parseMisses, "miss", "misses"));"
      + " check \(count(checkHits, "hit", "hits")), \(count(checkMisses, "miss", "misses"));"
      + " compile \(count(hits, "hit", "hits")), \(count(misses, "miss", "misses"))" + (restarted ? "; restarted without stubs" : "")
  }
}

/// The digests of the compile actions' declared inputs, and each action's key.
struct ActionDigests {
  var inputs: [Artifact: Digest] = [:]
  /// Per compile action, in module order.
  var keys: [Digest] = []
  /// Per module: what its check and lowering can read of the others.
  var manifests: [DependencyManifest] = []
}

/// Runs builds: plans each one (`BuildPlan`) and executes the plan.
public struct BuildRunner: Sendable {
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
    _ = MallocPolicy.applied
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

  /// The stages in order: load, plan, check, compile, then the plan's final action.
  func runStages(_ runner: StageRunner) throws -> BuildResult {
    if isIRInput {
      var result = BuildResult()
      let backend = makeBackend()
      let (modules, plan) = try compileIRFile(runner: runner, backend: backend)
      try perform(plan.finalAction, modules, runner: runner, scratch: nil, into: &result)
      return result
    }
    // A cached build of objects parses and checks only what changed (`BuildRunner+Incremental`);
    // a remote build sends every source whole.
    guard let cache = options.cache, options.remote == nil, options.emit == .obj || (options.emit == .exe && !options.interprets) else {
      return try runStages(runner, stubs: nil)
    }
    let stubs = StubLoading(cache: cache, compiler: ActionKey.compilerIdentity())
    do {
      return try runStages(runner, stubs: stubs)
    } catch is IncrementalRestart {
      var result = try runStages(runner, stubs: StubLoading(cache: cache, compiler: stubs.compiler, fullModules: nil))
      result.cache?.restarted = true
      return result
    }
  }

  /// The stages of a build of a project: load, plan, check, compile, then the plan's final
  /// action; `stubs` for an incremental build.
  func runStages(_ runner: StageRunner, stubs: StubLoading?) throws -> BuildResult {
    var result = BuildResult()
    let backend = makeBackend()
    // 1. Load and parse.
    let loader = try ProjectLoader(input: options.input)
    var project = try runner.stage(.parse) { try loader.load(runner: runner, stubs: stubs) }
    // Imported modules report before their importers, as the reference compiler does (it
    // checks an import when it meets it): modules in reverse discovery order, `main` last.
    result.diagnostics = project.diagnostics.reversed().flatMap { $0 }
    if result.hasErrors { return result }
    runner.progress?.planRemaining(jobs: 2 * project.modules.count)
    let plan = try makePlan(project.plannedModules, backend: backend)
    let incremental = stubs.map {
      IncrementalInputs(sourceDigests: project.sourceDigests, stubbed: project.stubbed, compiler: $0.compiler, cache: $0.cache)
    }
    // From here on the program holds the only reference to the trees and sources, so that
    // each is freed as soon as its module is lowered.
    var program = Program(modules: project.modules)
    program.folderModules = project.folderModules
    project = LoadedProject(modules: [], diagnostics: [])

    // For a system linker, an executable's objects go to a private scratch folder as each job
    // finishes; the built-in linker takes them from memory.
    let scratch = plan.objectsInScratch ? try makeScratchFolder() : nil
    defer {
      if let scratch {
        runner.stage(.cleanup) { try? FileManager.default.removeItem(at: scratch) }
        InterruptCleanup.forget(scratch.path)
      }
    }

    // With `--remote`, the server compiles (or has compiled) the modules; what it cannot is
    // compiled here (`BuildRunner+Remote.swift`).
    let remote = options.remote
    let request = remote.flatMap { remoteRequest($0, modules: program.modules, plan: plan) }
    var prebuilt: [Int: [UInt8]] = [:]
    let files = program.modules.map(\.file)
    if let remote, let request {
      switch try compileRemotely(request, service: remote.service, modules: program.modules, plan: plan,
                                 runner: runner, scratch: scratch, into: &result) {
      case .complete(let modules):
        try perform(plan.finalAction, modules, runner: runner, scratch: scratch, into: &result)
        return result
      case .partial(let objects): prebuilt = objects
      case .none: break
      }
    }

    // 2-4. Bind, check, lower and generate; the program and its trees are released on return.
    guard let modules = try compile(&program, plan: plan, backend: backend, runner: runner, scratch: scratch,
                                    incremental: incremental, prebuilt: prebuilt, into: &result) else {
      return result
    }
    if let remote, let request, request.cacheOnly, result.remote != nil {
      let missing = Set(modules.indices).subtracting(prebuilt.keys)
      storeRemotely(request, service: remote.service, outputs: modules, missing: missing, files: files,
                    runner: runner, into: &result)
    }
    try perform(plan.finalAction, modules, runner: runner, scratch: scratch, into: &result)
    return result
  }

  /// The plan of this build for `modules`; a plan the backend cannot carry out is an internal
  /// error (the command line refuses such options first).
  func makePlan(_ modules: [PlannedModule], backend: any Backend) throws -> BuildPlan {
    do {
      return try BuildPlan.make(options: options, modules: modules, textForm: backend.textForm)
    } catch {
      throw DriverError.codegen(error.description)
    }
  }

  /// 5. Performs a plan's final action: writes text or objects, links an executable, or runs
  /// the program in process.
  func perform(_ action: Action, _ modules: [ModuleOutput], runner: StageRunner, scratch: URL?,
               into result: inout BuildResult) throws {
    switch action.kind {
    case .writeText:
      let text = modules.compactMap(\.text).joined(separator: "\n")
      if case .outputFile(let path) = action.outputs.first {
        try write(Array(text.utf8), to: path)
      } else {
        result.text = text
      }
    case .writeObjects:
      let folder = options.output ?? "."
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      var objects: [String: ObjectFile] = [:]
      for case let object? in modules.map(\.object) { objects[object.moduleName] = object }
      for (input, file) in zip(action.inputs, action.outputs) {
        guard case .object(let module) = input, case .outputFile(let path) = file, let object = objects[module] else { continue }
        try runner.stage(.writeObject) { try write(object.bytes, to: path) }
      }
    case .interpret:
      result.exitStatus = try interpret(modules, runner: runner)
    case .runInProcess:
      result.exitStatus = try run(modules, runner: runner)
    case .link:
      guard case .outputFile(let path) = action.outputs.first else { return }
      try runner.stage(.link) { try link(modules, scratch: scratch, output: path) }
    case .compile:
      preconditionFailure("a compile action is not a final action")
    }
  }

  /// Binds, checks and compiles the modules of `program` as `plan` says; nil (with the
  /// diagnostics in `result`) when the program has errors. Takes the syntax trees and sources
  /// out of `program`: each module's are freed when that module has been lowered. With
  /// `incremental`, stubbed modules are checked and compiled only when the cache lacks their
  /// work (`BuildRunner+Incremental.swift`). `prebuilt` holds objects that need no code
  /// generation (a remote cache's, by module index).
  func compile(_ program: inout Program, plan: BuildPlan, backend: any Backend, runner: StageRunner, scratch: URL?,
               incremental: IncrementalInputs?, prebuilt: [Int: [UInt8]] = [:],
               into result: inout BuildResult) throws -> [ModuleOutput]? {
    // 2-3. Bind and check.
    let jobs = plan.compileJobs
    let count = plan.compileActions.count
    var inputs = incremental
    var interfaces: [Digest]?
    var frontendKeys: [Digest]?
    var manifests: [DependencyManifest?]?
    var checkSkipped: Set<Int> = []
    // `--module M --only-module-bodies` (a remote action): the other modules may be stubs;
    // only M's bodies are checked, and only M's warnings reported.
    let onlyBodies = options.onlyModuleBodies ? options.onlyModule.flatMap { program.moduleIndex[$0] } : nil
    let product = plan.product
    let verify = options.verifyIR || isDebugBuild
    let outputs = ResultSlots<Result<ModuleOutput, DriverError>>(count: count)
    // A plain build compiles each module in its check job as soon as it is checked (when no
    // generic instance can land in it; `Frontend.check(early:)`), so that its checked tables,
    // IR and tree are freed while the others are checked. Builds that key actions on the
    // checked modules (action cache, actions file, remote) or build one module keep the stages.
    let fuse = incremental == nil && onlyBodies == nil && options.cache == nil && options.actionsFile == nil
      && prebuilt.isEmpty && plan.compileOrder.count == count
    let compileEarly: Frontend.EarlyCompile = { (m: Int, module: consuming CheckedModule, tree: consuming SyntaxTree,
                                                 file: consuming SourceFile?, lowering: Program, context: JobContext) in
      let name = lowering.modules[m].name
      let objectPath = scratch?.appendingPathComponent("\(m)-\(name).o").path
      do {
        let ir = try Frontend.lower(consume module, tree: consume tree, file: consume file, program: lowering,
                                    verify: verify, context: context)
        outputs[m] = .success(try BuildRunner.generate(ir, name: name, backend: backend, product: product,
                                                       objectPath: objectPath, context: context))
      } catch {
        outputs[m] = .failure(error as? DriverError ?? .codegen(String(describing: error)))
      }
    }
    let checked = try Frontend.check(&program, order: plan.checkJobs, runner: runner, early: fuse ? compileEarly : nil) { program, bindDiagnostics in
      if let onlyBodies { return Set(0..<count).subtracting([onlyBodies]) }
      guard var state = inputs else { return [] }
      if state.stubbed.contains(true) && bindDiagnostics.joined().contains(where: { $0.severity == .error }) {
        throw IncrementalRestart()
      }
      let front = try resolveFrontEnd(&program, state: &state, plan: plan, runner: runner)
      (interfaces, frontendKeys, checkSkipped, manifests) = (front.interfaces, front.keys, front.skipped, front.manifests)
      inputs = state
      return checkSkipped
    }
    if let inputs, inputs.stubbed.contains(true), checked.diagnostics.contains(where: { $0.severity == .error }) {
      throw IncrementalRestart()
    }
    result.diagnostics += checked.diagnostics
    if let onlyBodies, let file = program.modules[onlyBodies].file {
      result.diagnostics.removeAll { $0.severity == .warning && $0.location.file?.relativePath != file.relativePath }
    }
    // Mojo stops before its warning passes when the program has errors: no warnings then.
    if result.hasErrors { result.diagnostics.removeAll { $0.severity == .warning } }
    result.diagnostics = options.warnings.apply(to: result.diagnostics)
    if result.hasErrors { return nil }

    // 4. Lower and generate code, one job per module, largest first. Each job takes its
    // checked module and its tree out of their slots, so both are freed as soon as that
    // module's IR exists; so are the sources (lowering reads the lines of run-time checks).
    // With the action cache, a job whose key is stored takes its object from the cache instead.
    let digests = (options.cache != nil || options.actionsFile != nil) && plan.product == .object
      ? actionKeys(program, checked: checked, plan: plan, runner: runner, interfaces: interfaces, manifests: manifests,
                   sourceDigests: inputs?.sourceDigests, compiler: inputs?.compiler) : nil
    let keys = options.cache != nil ? digests?.keys : nil
    if let path = options.actionsFile {
      let json = ActionsJSON.render(plan, digests: digests ?? ActionDigests(), options: options,
                                    compiler: inputs?.compiler ?? ActionKey.compilerIdentity(), flags: ActionKey.flags(options))
      try write(Array(json.utf8), to: path)
    }
    // With early compilation the check stage has moved the trees and sources out already.
    let (trees, files) = if let trees = checked.trees, let files = checked.files { (trees, files) }
      else { Frontend.takeTreesAndSources(of: &program) }
    let frozen = program
    let cache = options.cache
    let lookups = ResultSlots<ActionCache.Lookup>(count: count)
    let restarts = ResultSlots<Bool>(count: count)
    let state = inputs
    let recordKeys = frontendKeys
    let interfaceDigests = interfaces
    let dependencies = digests?.manifests
    runner.stage(.compile) {
      runner.run(jobs.filter { !(checked.compiledEarly?[$0.index] ?? false) }) { job, context in
        let m = job.index
        let objectPath = scratch?.appendingPathComponent("\(m)-\(job.moduleName).o").path
        outputs[m] = Result {
          if let bytes = prebuilt[m] {
            _ = checked.modules.take(m)
            _ = trees.take(m)
            _ = files.take(m)
            return try BuildRunner.deliver(ObjectFile(moduleName: job.moduleName, bytes: bytes), name: job.moduleName,
                                           objectPath: objectPath, context: context)
          }
          if let cache, let key = keys?[m] {
            let found = context.measure(.cache, job.moduleName) { cache.lookup(key) }
            lookups[m] = found
            if case .hit(let bytes) = found {
              _ = checked.modules.take(m)
              _ = trees.take(m)
              _ = files.take(m)
              return try BuildRunner.deliver(ObjectFile(moduleName: job.moduleName, bytes: bytes), name: job.moduleName,
                                             objectPath: objectPath, context: context)
            }
          }
          var module = checked.modules.take(m)!
          var tree = trees.take(m)!
          var file = files.take(m)
          var program = frozen
          if let state, state.stubbed[m] {
            // Cached front end, but no cached object: check the full source now.
            (file, tree) = try BuildRunner.fullSource(of: file, stubTree: tree, digest: state.sourceDigests[m])
            program.modules[m].tree = tree
            program.modules[m].file = file
            let (again, diagnostics) = context.measure(.check, job.moduleName) { BodyChecker.check(program, module: m) }
            guard diagnostics.isEmpty, again.requestedInstances.isEmpty, module.instances.isEmpty else { throw IncrementalRestart() }
            module = again
          } else if let state, let recordKeys, let dependencies, checked.clean[m] {
            let record = dependencies[m].record(interface: interfaceDigests![m])
            context.measure(.cache, job.moduleName) { state.cache.store(recordKeys[m], record, store: .frontend) }
          }
          // Consumed, so that the tree, the checked tables and the source are freed once the IR
          // exists (as locals they would live through code generation).
          let ir = try Frontend.lower(consume module, tree: consume tree, file: consume file, program: consume program,
                                      verify: verify, context: context)
          var output = try BuildRunner.generate(ir, name: job.moduleName, backend: backend, product: product,
                                                objectPath: cache == nil ? objectPath : nil, context: context)
          if let cache, let key = keys?[m], let object = output.object {
            context.measure(.cache, job.moduleName) { cache.store(key, object.bytes) }
            output = try BuildRunner.deliver(object, name: job.moduleName, objectPath: objectPath, context: context)
          }
          return output
        }.mapError { error in
          if error is IncrementalRestart { restarts[m] = true }
          return error as? DriverError ?? .codegen(String(describing: error))
        }
      }
    }
    if restarts.values.contains(true) { throw IncrementalRestart() }
    if let cache, keys != nil {
      var statistics = CacheStatistics()
      for m in plan.compileOrder.sorted() {
        if case .hit = lookups[m] {
          statistics.hits += 1
          continue
        }
        statistics.misses += 1
        if lookups[m] == .corrupt { statistics.corrupt += 1 }
        statistics.compiledModules.append(frozen.modules[m].name)
      }
      if let inputs {
        let withFile = (0..<count).filter { inputs.sourceDigests[$0] != nil }
        statistics.parseHits = withFile.filter { inputs.stubbed[$0] }.count
        statistics.parseMisses = withFile.count - statistics.parseHits
        statistics.checkHits = checkSkipped.count
        statistics.checkMisses = count - checkSkipped.count
        statistics.checkedModules = (0..<count).filter { !checkSkipped.contains($0) }.map { frozen.modules[$0].name }
      }
      if statistics.misses > 0 { runner.stage(.cleanup) { statistics.trimmed = cache.trim() } }
      result.cache = statistics
    }
    // Modules the plan does not build (`--module`) have empty outputs.
    return try outputs.values.map { try $0?.get() ?? ModuleOutput() }
  }

  /// The digests of every compile action's declared inputs, each module's dependency manifest
  /// and the action keys: source and interface digests and the manifests' reaches are computed
  /// in parallel, one job per module, then each declaration a manifest lists is hashed once
  /// (`DependencyDigests`); all unless given (`interfaces`, `manifests`, `sourceDigests`: an
  /// incremental build has them already; a module without a given manifest has its full tree).
  func actionKeys(_ program: Program, checked: Frontend.Checked, plan: BuildPlan, runner: StageRunner,
                  interfaces known: [Digest]? = nil, manifests knownManifests: [DependencyManifest?]? = nil,
                  sourceDigests: [Digest?]? = nil, compiler: String? = nil) -> ActionDigests {
    let count = plan.compileActions.count
    let names = (0..<count).map { program.modules[$0].name }
    let sources = ResultSlots<Digest>(count: count)
    let interfaces = ResultSlots<Digest>(count: count)
    let reaches = ResultSlots<[DependencyEntity]>(count: count)
    var manifests: [DependencyManifest] = []
    runner.stage(.compile) {
      runner.run(Job.plan(.digest, modules: names)) { job, context in
        let m = job.index
        context.measure(.cache, job.moduleName) {
          if let sourceDigests {
            sources[m] = sourceDigests[m]
          } else if let file = program.modules[m].file {
            sources[m] = SHA256.hash(file.bytes)
          }
          interfaces[m] = known?[m] ?? SHA256.hash(Array(program.interfaceText(of: m).utf8))
          if knownManifests?[m] == nil { reaches[m] = DependencyManifest.reach(of: m, in: program) }
        }
      }
      // Each declaration the new manifests list is hashed once, however many list it.
      let digests = DependencyDigests((0..<count).flatMap { reaches[$0] ?? [] }, of: program, runner: runner)
      manifests = (0..<count).map { m in
        knownManifests?[m] ?? DependencyManifest(program, entities: reaches[m]!, digests: digests)
      }
    }
    var digests = ActionDigests()
    let all = (0..<count).map { (name: names[$0], digest: interfaces[$0]!) }
    for m in 0..<count {
      digests.inputs[.interface(module: names[m])] = interfaces[m]!
      if let path = program.modules[m].file?.absolutePath, let source = sources[m] {
        digests.inputs[.source(module: names[m], path: path)] = source
      }
      digests.inputs[.instances(module: names[m])] =
        ActionKey.instancesDigest(symbols: checked.modules[m]!.instances.map(\.signature.symbol), interfaces: all)
    }
    let compiler = compiler ?? ActionKey.compilerIdentity()
    let flags = ActionKey.flags(options)
    let inputs = digests.inputs
    digests.manifests = manifests
    digests.keys = plan.compileActions.indices.map { m in
      ActionKey.key(plan.compileActions[m], compiler: compiler, flags: flags, dependencies: digests.manifests[m].digest) { inputs[$0] }
    }
    return digests
  }

  /// A module's object as the final action wants it: in memory, or written to `objectPath`.
  static func deliver(_ object: ObjectFile, name: String, objectPath: String?, context: JobContext) throws -> ModuleOutput {
    guard let objectPath else { return ModuleOutput(object: object) }
    try context.measure(.writeObject, name) { try writeScratch(object.bytes, to: objectPath) }
    return ModuleOutput(objectPath: objectPath)
  }

  /// What one compile job produces: text, an object in memory, the path of a written object, or
  /// the IR itself (for the interpreter).
  struct ModuleOutput: Sendable {
    var text: String?
    var object: ObjectFile?
    var objectPath: String?
    var ir: IRModule?
  }

  /// Generates what `product` asks of one module's IR; writes the object to `objectPath` when
  /// given.
  static func generate(_ ir: consuming IRModule, name: String, backend: any Backend, product: CompileProduct,
                       objectPath: String?, context: JobContext) throws -> ModuleOutput {
    switch product {
    case .ir: return ModuleOutput(ir: ir)
    case .irText: return ModuleOutput(text: context.measure(.codegen, name) { Printer.print(ir) })
    case .backendText:
      let module = ir
      return ModuleOutput(text: try context.measure(.codegen, name) { try backend.emitText(for: module) })
    case .object:
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
    try BuildRunner.writeScratch(RuntimeObject.bytes, to: runtimePath)
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

  func write(_ bytes: [UInt8], to path: String) throws { try BuildRunner.write(bytes, to: path) }

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
