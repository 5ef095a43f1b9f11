//! The incremental path of a cached build: modules whose work is cached are neither parsed in
//! full nor checked.
//!   1. load: each source file is read and hashed once; a module whose stub is stored
//!      (`Caching/SourceStub.swift`, keyed by the source digest) is parsed from its stub.
//!   2. bind: the whole program, stubs included (a stub declares what its source declares).
//!   3. front-end records: a stubbed module is not checked when the cache holds its record,
//!      keyed by its source, its own interface and the interfaces of every module it reaches
//!      through imports; a record is stored for each module checked without a diagnostic and
//!      asking for no generic instance. Otherwise its full source is parsed and swapped in.
//!   4. compile: a stubbed module's object comes from the cache; when it is not there, the job
//!      parses the full source, checks it and compiles it as usual.
//! Anything unexpected (an error anywhere while stubs are in use, a source that changed during
//! the build, a stub that does not declare what its source does) restarts the build once
//! without stubs, so diagnostics and outputs are exactly those of a full build.
import FoundationEssentials
import MojoDiagnostics
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
  /// The SHA-256 of each module's interface, one job per module.
  func interfaceDigests(_ program: Program, count: Int, runner: StageRunner) -> [Digest] {
    let digests = ResultSlots<Digest>(count: count)
    runner.run(Job.plan(.digest, modules: (0..<count).map { program.modules[$0].name })) { job, context in
      context.measure(.cache, job.moduleName) {
        digests[job.index] = SHA256.hash(Array(program.interfaceText(of: job.index).utf8))
      }
    }
    return (0..<count).map { digests[$0]! }
  }

  /// The key of module `m`'s front-end record: what checking its bodies depends on.
  static func frontendKey(_ m: Int, program: Program, plan: BuildPlan, interfaces: [Digest], inputs: IncrementalInputs) -> Digest {
    let module = program.modules[m]
    var text = "mojoc-frontend 1\ncompiler \(inputs.compiler)\nmodule \(module.name) package \(module.isPackage)\n"
    text += "source \(module.file?.absolutePath ?? "-") \(inputs.sourceDigests[m]?.hex ?? "-")\n"
    text += "interface \(interfaces[m].hex)\n"
    for case .interface(let name) in plan.compileActions[m].inputs {
      if let k = program.moduleIndex[name] { text += "imports \(name) \(interfaces[k].hex)\n" }
    }
    return SHA256.hash(Array(text.utf8))
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
