//! The parallel driver: stages are planned as job lists (checked with a recording executor),
//! objects are byte-identical whatever the worker count or job order, and diagnostics come out
//! in the same order however the jobs are scheduled.
import Foundation
import MojoCodegen
import MojoDiagnostics
import Synchronization
import Testing
import TestSupport
@testable import MojoDriver

/// Runs jobs serially in reverse order and records every batch it was given.
final class RecordingExecutor: JobExecutor, Sendable {
  let batches = Mutex<[[Job]]>([])
  var workerCount: Int { 3 }
  func run(_ jobs: [Job], _ body: @escaping @Sendable (Job, Int) -> Void) {
    batches.withLock { $0.append(jobs) }
    // Reverse order on rotating worker indices: the opposite of what -j1 does.
    for (n, job) in jobs.reversed().enumerated() { body(job, n % workerCount) }
  }
}

@Suite struct ParallelDriverTests {
  static let primes = Fixtures.corpus.appendingPathComponent("examples/primes")

  /// Builds `project` with `options` changed by `configure`.
  static func build(_ project: URL, output: URL, emit: EmitKind = .exe, jobs: Int = 2, backend: BackendKind = .cnp,
                    executor: (any JobExecutor)? = nil,
                    _ configure: (inout BuildOptions) -> Void = { _ in }) throws -> BuildResult {
    var options = BuildOptions(input: project.path, output: output.path, backend: backend, emit: emit, jobs: jobs,
                               verifyIR: true)
    configure(&options)
    return try BuildRunner(options: options, executor: executor).run()
  }

  /// Module names parsed by a build of `files`, wave by wave.
  static func parseWaves(_ files: [String: String]) throws -> [[String]] {
    let executor = RecordingExecutor()
    let project = Fixtures.makeProject(files)
    let result = try Self.build(project, output: Fixtures.temporaryFolder().appendingPathComponent("app"), executor: executor)
    #expect(result.diagnostics.isEmpty)
    return executor.batches.withLock { $0 }.filter { $0.first?.kind == .parse }.map { $0.map(\.moduleName) }
  }

  @Test func aMainThatImportsNothingFromItsFolderIsParsedAlone() throws {
    let waves = try Self.parseWaves([
      "main.mojo": "from std.math import sqrt\n\ndef main():\n    print(sqrt(4.0))\n",
      "other.mojo": "def f() -> Int:\n    return 1\n", "tool/__init__.mojo": "",
    ])
    #expect(waves == [["main"]])
  }

  @Test func aMainThatImportsParsesTheWholeFolderInOneWave() throws {
    let waves = try Self.parseWaves([
      "main.mojo": "from a import f\n\ndef main():\n    print(f())\n",
      "a.mojo": "def f() -> Int:\n    return 1\n", "b.mojo": "def g() -> Int:\n    return 2\n",
    ])
    #expect(waves == [["main"], ["a", "b"]])
  }

  @Test func stagesArePlannedAsOneJobPerModuleLargestFirst() throws {
    let executor = RecordingExecutor()
    let folder = Fixtures.temporaryFolder()
    let result = try Self.build(Self.primes, output: folder.appendingPathComponent("app"), executor: executor)
    #expect(result.diagnostics.isEmpty)
    let batches = executor.batches.withLock { $0 }
    let parsed = batches.filter { $0.first?.kind == .parse }.flatMap { $0 }.map(\.moduleName)
    let checks = try #require(batches.first { $0.first?.kind == .checkAndCompile })
    // The entry file is parsed first, then every other module file in one wave (in path order,
    // since main imports from the folder); checking takes the modules largest source first
    // (ties in module order, which starts at main), so a large module never starts last. With
    // nothing generic, each check job compiles its module: the compile stage has no job left.
    #expect(Set(checks.map(\.moduleName)) == Set(parsed))
    #expect(checks.allSatisfy { $0.kind == .checkAndCompile })
    #expect(!batches.contains { $0.contains { $0.kind == .compile } })
    #expect(checks.map(\.index).sorted() == Array(0..<parsed.count))
    func size(_ module: String) throws -> Int {
      let path = module.replacingOccurrences(of: ".", with: "/")
      let file = Self.primes.appendingPathComponent(path + ".mojo")
      let package = Self.primes.appendingPathComponent(path + "/__init__.mojo")
      return try Data(contentsOf: FileManager.default.fileExists(atPath: file.path) ? file : package).count
    }
    let sizes = try checks.map { try size($0.moduleName) }
    #expect(sizes == sizes.sorted(by: >))
    #expect(Set(sizes).count > 1)
    let run = try Harness.run(folder.appendingPathComponent("app"))
    #expect(run.stdout.contains("primes below 100 = 25"))
  }

  @Test(arguments: BackendKind.allCases)
  func objectsAreIdenticalForAnyWorkerCountAndJobOrder(backend: BackendKind) throws {
    let folder = Fixtures.temporaryFolder()
    var builds: [[String: Data]] = []
    // The same with each module's code generation split into parts of a few instructions
    // (`partSize`), run concurrently or in reverse order: still the same objects.
    let executors: [(Int, (any JobExecutor)?, Int?)] = [
      (1, nil, nil), (2, nil, nil), (8, nil, nil), (8, nil, nil), (1, RecordingExecutor(), nil),
      (1, nil, 16), (2, nil, 16), (8, nil, 5), (1, RecordingExecutor(), 16), (1, RecordingExecutor(), 1),
    ]
    for (n, (jobs, executor, partSize)) in executors.enumerated() {
      let out = folder.appendingPathComponent("objects-\(n)")
      let result = try Self.build(Self.primes, output: out, emit: .obj, jobs: jobs, backend: backend,
                                  executor: executor) { $0.codegenPartSize = partSize }
      #expect(result.diagnostics.isEmpty)
      var files: [String: Data] = [:]
      for name in try FileManager.default.contentsOfDirectory(atPath: out.path) {
        files[name] = try Data(contentsOf: out.appendingPathComponent(name))
      }
      builds.append(files)
    }
    #expect(builds[0].count >= 5)
    for other in builds.dropFirst() { #expect(other == builds[0]) }
  }

  /// Generic functions are instantiated after checking, in symbol order: the instances (one IR
  /// function each, in the module that declares the generic function) and their objects are
  /// the same for every worker count and job order.
  @Test func genericInstancesAreIdenticalForAnyWorkerCountAndJobOrder() throws {
    let project = Fixtures.corpus.appendingPathComponent("oracle/043-generic-modules-comptime-if")
    let folder = Fixtures.temporaryFolder()
    var builds: [[String: Data]] = []
    let executors: [(Int, (any JobExecutor)?)] = [(1, nil), (2, nil), (8, nil), (1, RecordingExecutor())]
    func executor(of n: Int) -> RecordingExecutor? { executors[n].1 as? RecordingExecutor }
    for (n, (jobs, executor)) in executors.enumerated() {
      let out = folder.appendingPathComponent("objects-\(n)")
      let result = try Self.build(project, output: out, emit: .obj, jobs: jobs, executor: executor)
      #expect(result.diagnostics.isEmpty)
      var files: [String: Data] = [:]
      for name in try FileManager.default.contentsOfDirectory(atPath: out.path) {
        files[name] = try Data(contentsOf: out.appendingPathComponent(name))
      }
      builds.append(files)
    }
    // Every module declares something generic: all wait for the instances (compile stage).
    let batches = try #require(executor(of: 3)).batches.withLock { $0 }
    let compiled = batches.filter { $0.first?.kind == .compile }.flatMap { $0 }.map(\.moduleName)
    #expect(Set(compiled) == ["algos", "containers", "main"])
    // Separate check and compile stages (an actions file keys actions on checked modules) give
    // the same objects.
    let staged = folder.appendingPathComponent("objects-staged")
    _ = try Self.build(project, output: staged, emit: .obj, jobs: 2) {
      $0.actionsFile = folder.appendingPathComponent("actions.json").path
    }
    var files: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: staged.path) {
      files[name] = try Data(contentsOf: staged.appendingPathComponent(name))
    }
    builds.append(files)
    #expect(builds[0].count == 3)
    for other in builds.dropFirst() { #expect(other == builds[0]) }
    let ir = try Self.build(project, output: folder.appendingPathComponent("ir.txt"), emit: .ir, jobs: 1)
    let text = try String(contentsOf: folder.appendingPathComponent("ir.txt"), encoding: .utf8)
    #expect(ir.diagnostics.isEmpty)
    #expect(text.contains("mj.containers::Stack.push[Int]") && text.contains("mj.algos::repeat[3,String]"))
  }

  /// A module that declares nothing generic is compiled in its check job, even when it asks
  /// for instances; the module that declares the generic function waits for them.
  @Test func onlyModulesThatMayHoldInstancesWaitForTheCompileStage() throws {
    let project = Fixtures.makeProject([
      "main.mojo": "from gen import repeat\nfrom plain import three\n\ndef main():\n    print(repeat[3](three()), repeat[1](\"ab\"))\n",
      "gen.mojo": "def repeat[n: Int, T: Writable & Copyable & Deinitable](x: T) -> String:\n    var out = String()\n"
        + "    for _ in range(n):\n        out += String(x)\n    return out\n",
      "plain.mojo": "def three() -> Int:\n    return 3\n",
    ])
    let executor = RecordingExecutor()
    let folder = Fixtures.temporaryFolder()
    let result = try Self.build(project, output: folder.appendingPathComponent("app"), executor: executor)
    #expect(result.diagnostics.isEmpty)
    let batches = executor.batches.withLock { $0 }
    #expect(batches.filter { $0.first?.kind == .compile }.flatMap { $0 }.map(\.moduleName) == ["gen"])
    #expect(Set(batches.filter { $0.first?.kind == .checkAndCompile }.flatMap { $0 }.map(\.moduleName)) == ["main", "gen", "plain"])
    let run = try Harness.run(folder.appendingPathComponent("app"))
    #expect(run.stdout == "333 ab\n")
  }

  @Test func splitCodegenRunsItsPartsThroughTheExecutor() throws {
    let executor = RecordingExecutor()
    let folder = Fixtures.temporaryFolder()
    let result = try Self.build(Self.primes, output: folder.appendingPathComponent("app"), executor: executor) {
      $0.codegenPartSize = 16
    }
    #expect(result.diagnostics.isEmpty)
    let parts = executor.batches.withLock { $0 }.filter { $0.first?.kind == .codegenPart }
    // Every module of several parts hands them to the executor (twice per step that splits).
    #expect(parts.contains { $0.count > 1 && $0.first?.moduleName == "main" })
    #expect(parts.allSatisfy { batch in batch.map(\.index) == Array(0..<batch.count) })
    let run = try Harness.run(folder.appendingPathComponent("app"))
    #expect(run.stdout.contains("primes below 100 = 25"))
  }

  @Test func diagnosticsDoNotDependOnScheduling() throws {
    let project = Fixtures.makeProject([
      "main.mojo": "from a import f\nfrom b import g\n\ndef main():\n    print(f() + g() + nope)\n    var x: Int = True\n",
      "a.mojo": "def f() -> Int:\n    return missing1\n\ndef h():\n    var s: String = 1\n",
      "b.mojo": "def g() -> Int:\n    return missing2 + missing3\n",
    ])
    let folder = Fixtures.temporaryFolder()
    var seen: [[String]] = []
    for (jobs, executor) in [(1, nil), (2, nil), (8, nil), (1, RecordingExecutor() as (any JobExecutor)?)] {
      let result = try Self.build(project, output: folder.appendingPathComponent("x"), jobs: jobs, executor: executor)
      seen.append(result.diagnostics.map { "\($0.location.file?.relativePath ?? "-"):\($0.location.offset):\($0.id)" })
    }
    #expect(seen[0].count >= 5)
    for other in seen.dropFirst() { #expect(other == seen[0]) }
  }

  @Test func progressLineCountsJobsOfTheCurrentStage() {
    let progress = ProgressLine(fileDescriptor: -1)
    let jobs = Job.plan(.check, modules: ["main", "util", "geom.point"])
    progress.beginBatch(jobs)
    progress.jobStarted(jobs[0])
    progress.jobFinished()
    progress.jobStarted(jobs[2])
    #expect(progress.line() == "[1/3] check geom.point")
    progress.beginStage("link")
    #expect(progress.line() == "[1/3] link")
    progress.planRemaining(jobs: 6)
    progress.beginBatch(Job.plan(.compile, modules: ["main", "util"]))
    #expect(progress.line() == "[1/7] lower + codegen")
  }
}
