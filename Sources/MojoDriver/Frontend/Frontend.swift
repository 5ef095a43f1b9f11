//! The front end as one entry, used by the build runner and the benchmarks alike:
//!   1. bind:  `MojoSema/Binder.swift` — module symbols, imports, signatures (serial)
//!   2. check: `MojoSema/BodyChecker.swift` — function bodies, one job per module, then the
//!      instances of generic functions the bodies need (`MojoSema/Instantiator.swift`, serial)
//!   3. lower: `MojoLowering/ModuleLowering.swift` — one checked module to IR, verified when asked
//! Diagnostics come back in the order to print them: imported modules before their importers
//! (as the reference compiler reports), each module's errors by position, then its warnings.
import MojoDiagnostics
import MojoIR
import MojoLowering
import MojoSema
import MojoSyntax
import Synchronization

/// Binding, checking and lowering of a parsed program.
enum Frontend {
  /// What checking produced: one checked module per module of the project (nil when the
  /// program has errors) and every diagnostic, in the order to print them.
  struct Checked: Sendable {
    var modules: ResultSlots<CheckedModule>
    var diagnostics: [Diagnostic]
    /// Per module: checked without any diagnostic and asking for no generic instance (what an
    /// incremental build records, `BuildRunner+Incremental.swift`). False for skipped modules.
    var clean: [Bool] = []
    /// With `check(early:)`: the trees and sources of the modules left to compile, and which
    /// modules were compiled in their check job.
    var trees: ResultSlots<SyntaxTree>?
    var files: ResultSlots<SourceFile>?
    var compiledEarly: [Bool]?
  }

  /// Lowers and generates one module inside its check job, right after its bodies are checked
  /// (`check(early:)`): the module's index, its checked tables, tree and source (all handed
  /// over), the program without trees and sources (what lowering reads), and the job's context.
  typealias EarlyCompile = @Sendable (_ module: Int, _ checked: consuming CheckedModule, _ tree: consuming SyntaxTree,
                                      _ file: consuming SourceFile?, _ program: Program, _ context: JobContext) -> Void

  /// Binds `program` and checks every module's bodies (jobs in `order`, every module once)
  /// and the generic instances they need. `program` keeps its trees: lowering needs them.
  /// `afterBinding`, when given, sees the bound program and its diagnostics (and may replace
  /// trees by equivalent ones); it returns the modules whose bodies need no checking (an
  /// incremental build's cached modules): they get `CheckedModule.unchecked`.
  ///
  /// With `early`, a module is compiled by `early` in its own check job as soon as it is checked
  /// without errors, when binding had none and no generic instance can land in it (it declares
  /// nothing generic and no trait): its checked tables, IR and tree are then freed while other
  /// modules are still being checked, instead of every module's tables living until the last
  /// check ends. `program` then loses its trees and sources; the other modules' are in the
  /// result's `trees` and `files`, and `compiledEarly` says which modules `early` took.
  static func check(_ program: inout Program, order: [Job], runner: StageRunner,
                    early: EarlyCompile? = nil,
                    afterBinding: ((inout Program, [[Diagnostic]]) throws -> Set<Int>)? = nil) throws -> Checked {
    let count = program.modules.count
    // The binder adds the library's modules after the project's: only these are checked.
    // Signatures are resolved per module on the workers.
    let parallel = JobContext(recorder: nil, track: 0, executor: runner.executor).parallelFor(module: "bind")
    let bindDiagnostics = runner.stage(.bind) { Binder.bind(&program, parallel: parallel) }
    let skipped = try afterBinding?(&program, bindDiagnostics) ?? []
    let checked = ResultSlots<(CheckedModule, [Diagnostic])>(count: count)
    for m in skipped { checked[m] = (CheckedModule.unchecked(module: m), []) }
    let jobs = order.filter { !skipped.contains($0.index) }
    var separate: SeparateInputs?
    if let early, !bindDiagnostics.joined().contains(where: { $0.severity == .error }) {
      let inputs = SeparateInputs(&program, count: count)
      checkAndCompile(jobs, inputs: inputs, into: checked, runner: runner, early: early)
      separate = inputs
    } else {
      let frozen = program
      runner.stage(.check) {
        runner.run(jobs) { job, _ in
          checked[job.index] = BodyChecker.check(frozen, module: job.index)
        }
      }
    }
    // The instantiator reads the trees of generic functions: with early compilation, the
    // program keeps them until here only when it declares something generic.
    let frozen = separate?.shared.program ?? program
    let clean = (0..<count).map { m in
      !skipped.contains(m) && bindDiagnostics[m].isEmpty && checked[m]!.1.isEmpty && checked[m]!.0.requestedInstances.isEmpty
    }
    // The instances of generic functions the bodies need (serial; none without generics).
    let requests = (0..<count).map { checked[$0]!.0.requestedInstances }
    if requests.contains(where: { !$0.isEmpty }) {
      let (instances, instanceDiagnostics) = runner.stage(.check) { Instantiator.instantiate(frozen, requests: requests) }
      for m in 0..<count {
        var slot = checked[m]!
        slot.0.instances = instances[m]
        slot.1 += instanceDiagnostics[m]
        checked[m] = slot
      }
    }
    var diagnostics: [Diagnostic] = []
    for m in (0..<count).reversed() {
      let all = bindDiagnostics[m] + checked[m]!.1
      // Errors by position; warnings (only printed without errors) in the order the checker
      // gives them, which is Mojo's (`BodyChecker.orderedWarnings`).
      diagnostics += all.filter { $0.location.file != nil && $0.severity != .warning }.sorted { $0.location.offset < $1.location.offset }
      diagnostics += all.filter { $0.location.file != nil && $0.severity == .warning }
      diagnostics += all.filter { $0.location.file == nil }
    }
    let modules = ResultSlots<CheckedModule>(count: count)
    for m in 0..<count { modules[m] = checked.take(m)!.0 }
    guard let separate else { return Checked(modules: modules, diagnostics: diagnostics, clean: clean) }
    let compiledEarly = (0..<count).map { separate.compiledEarly[$0] ?? false }
    for m in 0..<count where compiledEarly[m] && !modules[m]!.instances.isEmpty {
      throw DriverError.internalError("module '\(program.modules[m].name)' was compiled before the generic instances it holds")
    }
    return Checked(modules: modules, diagnostics: diagnostics, clean: clean, trees: separate.trees, files: separate.files,
                   compiledEarly: compiledEarly)
  }

  /// What `check(early:)` works from: the trees and sources moved out of the program into slots
  /// (each compile job takes its own), the program with them for the checker, shared by the jobs
  /// and dropped by the last check, and the program without them for lowering.
  final class SeparateInputs: @unchecked Sendable {
    let trees: ResultSlots<SyntaxTree>
    let files: ResultSlots<SourceFile>
    let shared: SharedProgram
    let lowering: Program
    /// Per module, true once `early` has taken it.
    let compiledEarly: ResultSlots<Bool>
    /// Per module, true when a generic instance may land in it (checked after every body).
    let mayHoldInstances: [Bool]

    /// Moves the trees and sources of `program` out of it.
    init(_ program: inout Program, count: Int) {
      compiledEarly = ResultSlots(count: count)
      mayHoldInstances = (0..<count).map { m in
        !program.traits[m].isEmpty || program.signatures[m].contains { $0.isGeneric }
      }
      // Generic functions are checked (instantiated) after every body: their trees stay.
      shared = SharedProgram(program, keepAfterChecks: mayHoldInstances.contains(true), checks: count)
      (trees, files) = Frontend.takeTreesAndSources(of: &program)
      lowering = program
    }
  }

  /// Moves every module's tree and source out of `program` into slots, so that each compile job
  /// can take (and free) its own while the program stays shared.
  static func takeTreesAndSources(of program: inout Program) -> (ResultSlots<SyntaxTree>, ResultSlots<SourceFile>) {
    let count = program.modules.count
    let trees = ResultSlots<SyntaxTree>(count: count)
    let files = ResultSlots<SourceFile>(count: count)
    for m in 0..<count {
      trees[m] = program.modules[m].tree
      files[m] = program.modules[m].file
      program.modules[m].tree = SyntaxTree()
      program.modules[m].file = nil
    }
    return (trees, files)
  }

  /// The program with every tree, read by the check jobs and released by the last of them
  /// (when nothing generic needs it later), so that each tree is freed once its module is
  /// compiled and no check can read it any more.
  final class SharedProgram: @unchecked Sendable {
    private(set) var program: Program?
    private let remaining: Atomic<Int>
    private let keepAfterChecks: Bool

    init(_ program: Program, keepAfterChecks: Bool, checks: Int) {
      self.program = program
      self.keepAfterChecks = keepAfterChecks
      remaining = Atomic(checks)
    }

    /// Runs `body` with the program, then counts one check done; the last one drops the program.
    /// Every job reads the program before its count goes down, so the last one writes it alone.
    func check<T>(_ body: (Program) -> T) -> T {
      let result = body(program!)
      if remaining.subtract(1, ordering: .acquiringAndReleasing).newValue == 0 && !keepAfterChecks { program = nil }
      return result
    }
  }

  /// The check stage of `check(early:)`: each job checks its module and, when nothing else can
  /// still change its tables (see `check`), hands them with its tree and source to `early`.
  private static func checkAndCompile(_ jobs: [Job], inputs: SeparateInputs, into checked: ResultSlots<(CheckedModule, [Diagnostic])>,
                                      runner: StageRunner, early: @escaping EarlyCompile) {
    runner.stage(.check) {
      runner.run(jobs.map { Job(kind: .checkAndCompile, index: $0.index, moduleName: $0.moduleName) }) { job, context in
        let m = job.index
        let (module, diagnostics) = context.measureJob(.check, job.moduleName) {
          inputs.shared.check { BodyChecker.check($0, module: m) }
        }
        guard !inputs.mayHoldInstances[m], !diagnostics.contains(where: { $0.severity == .error }) else {
          checked[m] = (module, diagnostics)
          return
        }
        // What the instantiator needs of this module: the instances its bodies request.
        var placeholder = CheckedModule.unchecked(module: m)
        placeholder.requestedInstances = module.requestedInstances
        checked[m] = (placeholder, diagnostics)
        inputs.compiledEarly[m] = true
        // Handed over, so that `early` holds the only references (this job's locals would keep
        // the tables and the tree alive through lowering and code generation).
        let handover = Handover((consume module, inputs.trees.take(m)!, inputs.files.take(m)))
        context.measureJob(.compile, job.moduleName) {
          let (module, tree, file) = handover.take()
          early(m, consume module, consume tree, consume file, inputs.lowering, context)
        }
      }
    }
  }

  /// Lowers one checked module to IR and verifies it when `verify` is set. The checked module
  /// and the tree are consumed: freed before the caller generates code.
  static func lower(_ checked: consuming CheckedModule, tree: consuming SyntaxTree, file: consuming SourceFile? = nil,
                    program: Program, verify: Bool, context: JobContext) throws -> IRModule {
    let name = program.modules[checked.module].name
    // Handed over, so that the lowering holds the only references: it frees the tree and the
    // tables before it copies a huge body out of its builder (`ModuleLowering.run`).
    let inputs = Handover((consume checked, consume tree, consume file))
    let ir = context.measure(.lower, name) {
      let (checked, tree, file) = inputs.take()
      return ModuleLowering.lower(consume checked, tree: consume tree, file: consume file, in: program)
    }
    if verify { try context.measure(.verify, name) { try verifyIR(ir, producedBy: "lowering") } }
    return ir
  }

  /// Stops with an internal error when `ir` breaks an IR rule.
  static func verifyIR(_ ir: IRModule, producedBy producer: String) throws {
    let errors = Verifier.verify(ir)
    if !errors.isEmpty {
      throw DriverError.internalError("\(producer) produced invalid IR for module '\(ir.name)':\n"
        + errors.prefix(10).map(\.description).joined(separator: "\n"))
    }
  }

  /// Loads, checks and lowers every module of `project` on the calling thread (the benchmarks'
  /// entry); throws when the program has errors.
  static func lowerProject(_ project: String) throws -> [IRModule] {
    let runner = StageRunner(executor: SerialExecutor(), recorder: nil, progress: nil)
    let loaded = try ProjectLoader(input: project).load(runner: runner)
    var program = Program(modules: loaded.modules)
    let checked = try check(&program, order: Job.plan(.check, modules: loaded.modules.map(\.name)), runner: runner)
    let errors = loaded.diagnostics.flatMap { $0 } + checked.diagnostics
    if let first = errors.first(where: { $0.severity == .error }) {
      throw DriverError.internalError("benchmark project does not compile:\n" + DiagnosticRenderer.render(first))
    }
    return try loaded.modules.indices.map { m in
      try lower(checked.modules.take(m)!, tree: program.modules[m].tree, program: program, verify: false, context: .untraced)
    }
  }
}
