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
  }

  /// Binds `program` and checks every module's bodies (jobs in `order`, every module once)
  /// and the generic instances they need. `program` keeps its trees: lowering needs them.
  /// `afterBinding`, when given, sees the bound program and its diagnostics (and may replace
  /// trees by equivalent ones); it returns the modules whose bodies need no checking (an
  /// incremental build's cached modules): they get `CheckedModule.unchecked`.
  static func check(_ program: inout Program, order: [Job], runner: StageRunner,
                    afterBinding: ((inout Program, [[Diagnostic]]) throws -> Set<Int>)? = nil) throws -> Checked {
    let count = program.modules.count
    // The binder adds the library's modules after the project's: only these are checked.
    // Signatures are resolved per module on the workers.
    let parallel = JobContext(recorder: nil, track: 0, executor: runner.executor).parallelFor(module: "bind")
    let bindDiagnostics = runner.stage(.bind) { Binder.bind(&program, parallel: parallel) }
    let skipped = try afterBinding?(&program, bindDiagnostics) ?? []
    let checked = ResultSlots<(CheckedModule, [Diagnostic])>(count: count)
    let frozen = program
    for m in skipped { checked[m] = (CheckedModule.unchecked(module: m), []) }
    runner.stage(.check) {
      runner.run(order.filter { !skipped.contains($0.index) }) { job, _ in
        checked[job.index] = BodyChecker.check(frozen, module: job.index)
      }
    }
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
    return Checked(modules: modules, diagnostics: diagnostics, clean: clean)
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
