//! The incremental path of a cached build: modules whose work is cached are neither parsed in
//! full nor checked.
//!   1. load: each source file is read and hashed once; a module whose stub is stored
//!      (`Caching/SourceStub.swift`, keyed by the source digest) is parsed from its stub.
//!   2. bind: the whole program, stubs included (a stub declares what its source declares).
//!   3. front-end records: a stubbed module is not checked when the cache holds its record,
//!      keyed by its source, and the record's manifest holds: every declaration of another
//!      module its check can read still has the recorded description
//!      (`Caching/DependencyManifest.swift`); a record is stored for each module checked without
//!      a diagnostic and asking for no generic instance. Otherwise its full source is parsed and
//!      swapped in.
//!   4. compile: a stubbed module's object comes from the cache; when it is not there, the job
//!      parses the full source, checks it and compiles it as usual.
//! Anything unexpected (an error anywhere while stubs are in use, a source that changed during
//! the build, a stub that does not declare what its source does) restarts the build once
//! without stubs, so diagnostics and outputs are exactly those of a full build.
import FoundationEssentials
import MojoDiagnostics
import MojoHashing
import MojoSema
import MojoSyntax

/// Thrown to run the build again without stubs.
struct IncrementalRestart: Error {}

/// What the incremental path knows about the loaded modules.
struct IncrementalInputs: Sendable {
  /// Per module, the SHA-256 of its source file (nil for a package folder without a file).
  var sourceDigests: [Digest?]
  /// Per module, true while its tree is its stub's.
  var stubbed: [Bool]
  /// The compiler identity of the action keys.
  var compiler: String
  let cache: ActionCache
}

extension BuildRunner {
  /// What `resolveFrontEnd` found: every module's interface digest and front-end record key,
  /// the stubbed modules whose bodies need no checking, and their dependency manifests.
  struct FrontEnd {
    var interfaces: [Digest]
    var keys: [Digest]
    var skipped: Set<Int>
    /// Per module: the manifest of its record, for the skipped modules (nil for the others,
    /// whose manifest comes from their full source).
    var manifests: [DependencyManifest?]
  }

  /// After binding: the interface digest of every module — computed from its declarations for a
  /// module parsed in full, read from its front-end record for a stubbed one whose record still
  /// holds (every declaration of its manifest unchanged, `Caching/DependencyManifest.swift`) —
  /// and the stubbed modules without such a record, whose full source replaces the stub in
  /// `program`.
  func resolveFrontEnd(_ program: inout Program, state: inout IncrementalInputs, plan: BuildPlan,
                       runner: StageRunner) throws -> FrontEnd {
    let count = plan.compileActions.count
    let frozen = program, loaded = state
    let interfaces = ResultSlots<Digest>(count: count)
    let manifests = ResultSlots<DependencyManifest>(count: count)
    computeInterfaces((0..<count).filter { !state.stubbed[$0] }, program: frozen, into: interfaces, runner: runner)
    let stubbed = (0..<count).filter { state.stubbed[$0] }
    let keys = (0..<count).map { BuildRunner.frontendKey($0, program: frozen, inputs: loaded) }
    // Each stubbed module's record: its interface, its manifest and the declarations it lists;
    // then every listed declaration is hashed once, however many manifests list it.
    let records = ResultSlots<(interface: Digest, manifest: DependencyManifest, entities: [DependencyEntity])>(count: count)
    runner.run(Job.plan(.digest, modules: stubbed.map { frozen.modules[$0].name })) { job, context in
      let m = stubbed[job.index]
      context.measure(.cache, job.moduleName) {
        if case .hit(let bytes) = loaded.cache.lookup(keys[m], store: .frontend),
          let (interface, manifest) = DependencyManifest.parse(record: bytes), let entities = manifest.entities(in: frozen) {
          records[m] = (interface, manifest, entities)
        }
      }
    }
    let digests = DependencyDigests(stubbed.flatMap { records[$0]?.entities ?? [] }, of: frozen, runner: runner)
    for m in stubbed {
      guard let record = records[m], record.manifest.holds(record.entities, digests: digests) else { continue }
      interfaces[m] = record.interface
      manifests[m] = record.manifest
    }
    computeInterfaces(stubbed.filter { manifests[$0] == nil }, program: frozen, into: interfaces, runner: runner)
    #if DEBUG
    // A stub declares what its source declares: the recorded interface is the bound one.
    for m in stubbed where manifests[m] != nil {
      precondition(interfaces[m] == SHA256.hash(Array(frozen.interfaceText(of: m).utf8)),
                   "module '\(frozen.modules[m].name)': its stub's interface differs from its front-end record")
    }
    #endif
    // Stubbed modules without a front-end record get their full source.
    let promoted = stubbed.filter { manifests[$0] == nil }
    let full = ResultSlots<Result<(SourceFile, SyntaxTree), IncrementalRestart>>(count: count)
    runner.run(Job.plan(.parse, modules: promoted.map { frozen.modules[$0].name })) { job, _ in
      let m = promoted[job.index]
      full[m] = Result {
        try BuildRunner.fullSource(of: frozen.modules[m].file, stubTree: frozen.modules[m].tree, digest: loaded.sourceDigests[m])
      }.mapError { _ in IncrementalRestart() }
    }
    for m in promoted {
      let (file, tree) = try full[m]!.get()
      program.modules[m].file = file
      program.modules[m].tree = tree
      state.stubbed[m] = false
    }
    return FrontEnd(interfaces: (0..<count).map { interfaces[$0]! }, keys: keys,
                    skipped: Set((0..<count).filter { state.stubbed[$0] }), manifests: (0..<count).map { manifests[$0] })
  }

  /// The SHA-256 of the interfaces of `modules`, one job per module.
  func computeInterfaces(_ modules: [Int], program: Program, into digests: ResultSlots<Digest>, runner: StageRunner) {
    runner.run(Job.plan(.digest, modules: modules.map { program.modules[$0].name })) { job, context in
      let m = modules[job.index]
      context.measure(.cache, job.moduleName) {
        digests[m] = SHA256.hash(Array(program.interfaceText(of: m).utf8))
      }
    }
  }

  /// The key of module `m`'s front-end record: its source alone (what checking its bodies
  /// depends on besides is listed in the record's manifest and checked against the program).
  static func frontendKey(_ m: Int, program: Program, inputs: IncrementalInputs) -> Digest {
    let module = program.modules[m]
    var hasher = SHA256()
    hasher.update("mojoc-frontend 3\ncompiler \(inputs.compiler)\nmodule \(module.name) package \(module.isPackage)\n")
    hasher.update("source \(module.file?.absolutePath ?? "-")\n")
    hasher.update(inputs.sourceDigests[m]?.bytes ?? [])
    return hasher.finalize()
  }

  /// The full source of a module loaded from its stub (`stub`, parsed as `stubTree`), parsed;
  /// throws `IncrementalRestart` when the file changed since it was loaded (`digest`) or does
  /// not declare what its stub declared.
  static func fullSource(of stub: SourceFile?, stubTree: SyntaxTree, digest: Digest?) throws -> (SourceFile, SyntaxTree) {
    guard let stub, let bytes = readFile(stub.absolutePath), SHA256.hash(bytes) == digest else { throw IncrementalRestart() }
    let file = SourceFile(path: stub.path, relativePath: stub.relativePath, bytes: bytes, absolutePath: stub.absolutePath)
    let (tree, diagnostics) = Parser.parse(file)
    guard diagnostics.isEmpty, SourceStub.sameDeclarations(stubTree, tree) else { throw IncrementalRestart() }
    return (file, tree)
  }

  /// The bytes of a file, or nil when it cannot be read.
  static func readFile(_ path: String) -> [UInt8]? {
    FileManager.default.contents(atPath: path).map { [UInt8]($0) }
  }
}
