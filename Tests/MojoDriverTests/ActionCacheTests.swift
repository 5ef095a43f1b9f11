//! The action cache: which modules a rebuild compiles after each kind of edit, byte-identical
//! executables with and without the cache, damaged entries, sharing and the size limit. Every
//! cache lives in a temporary folder.
import Foundation
import MojoCodegen
import MojoDiagnostics
import MojoHashing
import MojoSyntax
import Testing
import TestSupport
@testable import MojoDriver

@Suite struct ActionCacheTests {
  static let project = [
    "main.mojo": "from a import f\nfrom b import g\nfrom c import h\n\ndef main():\n    print(f(1), g(2), h())\n",
    "a.mojo": "def f(x: Int) -> Int:\n    return x + 1\n",
    "b.mojo": "from a import f\n\ndef g(x: Int) -> Int:\n    return f(x) * 2\n",
    "c.mojo": "def h() -> Int:\n    return 7\n",
  ]

  /// A project, a cache and an output folder, all temporary.
  struct Setup {
    let project: URL
    let folder = Fixtures.temporaryFolder()
    var cache: ActionCache { ActionCache(root: folder.appendingPathComponent("cache").path) }

    init(_ files: [String: String]) { project = Fixtures.makeProject(files) }

    /// Builds with the cache (or without: `cached: false`) to `name`; returns the cache's statistics.
    @discardableResult
    func build(_ name: String = "app", backend: BackendKind = .cnp, cached: Bool = true, jobs: Int = 2,
               cache: ActionCache? = nil) throws -> CacheStatistics? {
      var options = BuildOptions(input: project.path, output: folder.appendingPathComponent(name).path, backend: backend,
                                 jobs: jobs, verifyIR: true)
      if cached { options.cache = cache ?? self.cache }
      let result = try BuildRunner(options: options).run()
      #expect(!result.hasErrors, "\(result.diagnostics)")
      return result.cache
    }

    func edit(_ file: String, _ text: String) throws {
      try text.write(to: project.appendingPathComponent(file), atomically: true, encoding: .utf8)
    }

    func bytes(_ name: String) throws -> Data { try Data(contentsOf: folder.appendingPathComponent(name)) }
    func output(_ name: String = "app") throws -> String { try Harness.run(folder.appendingPathComponent(name)).stdout }

    func remove() {
      try? FileManager.default.removeItem(at: project)
      try? FileManager.default.removeItem(at: folder)
    }
  }

  @Test(arguments: BackendKind.allCases)
  func secondBuildIsServedFromTheCacheWithTheSameBytes(backend: BackendKind) throws {
    let setup = Setup(Self.project)
    defer { setup.remove() }
    let first = try setup.build(backend: backend)
    #expect(first?.hits == 0)
    #expect(first?.compiledModules == ["main", "a", "b", "c"])
    let second = try setup.build("again", backend: backend)
    #expect(second?.hits == 4)
    #expect(second?.compiledModules == [])
    try setup.build("uncached", backend: backend, cached: false)
    #expect(try setup.bytes("again") == setup.bytes("uncached"))
    #expect(try setup.bytes("app") == setup.bytes("uncached"))
    #expect(try setup.output("again") == "2 6 7\n")
  }

  @Test func bodyEditRecompilesOnlyThatModule() throws {
    let setup = Setup(Self.project)
    defer { setup.remove() }
    try setup.build()
    try setup.edit("a.mojo", "def f(x: Int) -> Int:\n    return x + 100\n")
    let statistics = try setup.build()
    #expect(statistics?.compiledModules == ["a"])
    #expect(statistics?.hits == 3)
    // The other modules were parsed from their stubs and not checked.
    #expect(statistics?.checkedModules == ["a"])
    #expect(statistics?.parseHits == 3)
    #expect(statistics?.parseMisses == 1)
    #expect(statistics?.restarted == false)
    #expect(try setup.output() == "101 204 7\n")
    try setup.build("uncached", cached: false)
    #expect(try setup.bytes("app") == setup.bytes("uncached"))
  }

  @Test func signatureChangeRecompilesTheModuleAndItsImporters() throws {
    let setup = Setup(Self.project)
    defer { setup.remove() }
    try setup.build()
    try setup.edit("a.mojo", "def f(x: Int, y: Int = 10) -> Int:\n    return x + y\n")
    let statistics = try setup.build()
    #expect(statistics?.compiledModules == ["main", "a", "b"])
    #expect(statistics?.checkedModules == ["main", "a", "b"])
    #expect(statistics?.checkHits == 1)
    #expect(try setup.output() == "11 24 7\n")
    try setup.edit("b.mojo", "from a import f\n\ndef g(x: Int) -> Int:\n    return f(x) * 3\n")
    #expect(try setup.build()?.compiledModules == ["b"])
    // main imports h from c, whose new import changes nothing main can see.
    try setup.edit("c.mojo", "from b import g\n\ndef h() -> Int:\n    return g(0)\n")
    #expect(try setup.build()?.compiledModules == ["c"])
    // c reaches a through b but calls only g: a new default of f (inlined by its callers)
    // recompiles the modules that call f.
    try setup.edit("a.mojo", "def f(x: Int, y: Int = 20) -> Int:\n    return x + y\n")
    #expect(try setup.build()?.compiledModules == ["main", "a", "b"])
    #expect(try setup.output() == "21 66 60\n")
    try setup.build("uncached", cached: false)
    #expect(try setup.bytes("app") == setup.bytes("uncached"))
  }

  /// Re-exports: d's f reaches b (which imports it), e (`from b import f`) and c (`b.k` names
  /// b's table); u names only d's k; v reaches pk.s through its package (`pk.s.z`).
  static let reexports = [
    "main.mojo": "from b import g\nfrom c import h\nfrom e import e1\nfrom u import uu\nfrom v import vv\n\n"
      + "def main():\n    print(g(1), h(), e1(), uu(), vv())\n",
    "d.mojo": "def f(x: Int) -> Int:\n    return x + 1\n\ndef k(x: Int) -> Int:\n    return x * 3\n",
    "b.mojo": "from d import f, k\n\ndef g(x: Int) -> Int:\n    return f(x) * 2\n",
    "c.mojo": "import b\n\ndef h() -> Int:\n    return b.k(4)\n",
    "e.mojo": "from b import f\n\ndef e1() -> Int:\n    return f(5)\n",
    "u.mojo": "import d\n\ndef uu() -> Int:\n    return d.k(1)\n",
    "v.mojo": "import pk.s\n\ndef vv() -> Int:\n    return pk.s.z(2)\n",
    "pk/__init__.mojo": "",
    "pk/s.mojo": "def z(x: Int) -> Int:\n    return x - 1\n",
  ]

  @Test func signatureChangeRecompilesOnlyTheModulesThatUseTheDeclaration() throws {
    let setup = Setup(Self.reexports)
    defer { setup.remove() }
    try setup.build()
    #expect(try setup.output() == "4 12 6 3 1\n")
    func rebuild(_ file: String, _ text: String) throws -> CacheStatistics? {
      try setup.edit(file, text)
      let statistics = try setup.build()
      try setup.build("uncached", cached: false)
      #expect(try setup.bytes("app") == setup.bytes("uncached"))
      return statistics
    }
    let f = try rebuild("d.mojo", "def f(x: Int, y: Int = 10) -> Int:\n    return x + y\n\ndef k(x: Int) -> Int:\n    return x * 3\n")
    #expect(f?.compiledModules == ["b", "e", "d"])
    #expect(f?.checkedModules == ["b", "e", "d"])
    #expect(try setup.output() == "22 12 15 3 1\n")
    let k = try rebuild("d.mojo", "def f(x: Int, y: Int = 10) -> Int:\n    return x + y\n\ndef k(x: Int, y: Int = 5) -> Int:\n    return x * y\n")
    #expect(k?.compiledModules == ["b", "c", "u", "d"])
    #expect(try setup.output() == "22 20 15 5 1\n")
    let z = try rebuild("pk/s.mojo", "def z(x: Int, y: Int = 7) -> Int:\n    return x - y\n")
    #expect(z?.compiledModules == ["v", "pk.s"])
    #expect(try setup.output() == "22 20 15 5 -5\n")
    // b stops re-exporting d's f: e's import now fails, exactly as without the cache.
    try setup.edit("b.mojo", "from d import k\n\ndef g(x: Int) -> Int:\n    return k(x) * 2\n")
    var options = BuildOptions(input: setup.project.path, output: setup.folder.appendingPathComponent("app").path, jobs: 2)
    options.cache = setup.cache
    let broken = try BuildRunner(options: options).run()
    options.cache = nil
    let uncached = try BuildRunner(options: options).run()
    #expect(broken.hasErrors)
    #expect(broken.diagnostics.map(\.message) == uncached.diagnostics.map(\.message))
  }

  @Test func errorsAfterACachedBuildAreThoseOfAFullBuild() throws {
    // `b` is unchanged and parsed from its stub until the edit of `a` breaks its call: the
    // diagnostics are exactly those of a build without the cache.
    let setup = Setup(Self.project)
    defer { setup.remove() }
    try setup.build()
    try setup.edit("a.mojo", "def f(x: String) -> Int:\n    return 1\n")
    func diagnostics(cached: Bool) throws -> [String] {
      var options = BuildOptions(input: setup.project.path, output: setup.folder.appendingPathComponent("bad").path)
      if cached { options.cache = setup.cache }
      return try BuildRunner(options: options).run().diagnostics.map { DiagnosticRenderer.render($0) }
    }
    let uncached = try diagnostics(cached: false)
    #expect(uncached.count == 2)
    #expect(try diagnostics(cached: true) == uncached)
  }

  @Test func cachedFrontEndWithoutItsObjectCompilesTheFullSource() throws {
    // Objects deleted, stubs and front-end records kept: each module is checked from its full
    // source in its compile job, without starting over.
    let setup = Setup(Self.project)
    defer { setup.remove() }
    try setup.build("uncached", cached: false)
    try setup.build()
    try FileManager.default.removeItem(at: setup.folder.appendingPathComponent("cache/v1/ac"))
    let statistics = try setup.build()
    #expect(statistics?.compiledModules == ["main", "a", "b", "c"])
    #expect(statistics?.checkHits == 4)
    #expect(statistics?.restarted == false)
    #expect(try setup.bytes("app") == setup.bytes("uncached"))
  }

  @Test func sourceChangedDuringTheBuildStartsOverWithoutStubs() throws {
    // A stub is used only for the source it was made from: when the file on disk no longer has
    // the digest the build read, the build runs again from full sources.
    let setup = Setup(Self.project)
    defer { setup.remove() }
    try setup.build()
    try FileManager.default.removeItem(at: setup.folder.appendingPathComponent("cache/v1/ac"))
    let file = SourceFile(path: "a.mojo", relativePath: "a.mojo", bytes: Array("def f() -> Int:\n    return 1\n".utf8),
                          absolutePath: setup.project.appendingPathComponent("a.mojo").path)
    #expect(throws: IncrementalRestart.self) {
      _ = try BuildRunner.fullSource(of: file, stubTree: SyntaxTree(), digest: SHA256.hash(file.bytes))
    }
  }

  @Test func newGenericInstanceRecompilesTheModuleDefiningIt() throws {
    // Instances are lowered into the module that defines the generic function: a new use in
    // `main` changes `gen`'s object although `gen`'s source is unchanged.
    let setup = Setup([
      "main.mojo": "from gen import biggest\n\ndef main():\n    print(biggest(1, 2))\n",
      "gen.mojo": "def biggest[T: Comparable & Copyable](a: T, b: T) -> T:\n    if a < b:\n        return b.copy()\n    return a.copy()\n",
    ])
    defer { setup.remove() }
    try setup.build()
    try setup.edit("main.mojo", "from gen import biggest\n\ndef main():\n    print(biggest(1, 2), biggest(1.5, 0.5))\n")
    #expect(try setup.build()?.compiledModules == ["main", "gen"])
    #expect(try setup.output() == "2 1.5\n")
    try setup.build("uncached", cached: false)
    #expect(try setup.bytes("app") == setup.bytes("uncached"))
  }

  @Test func movedProjectIsCompiledAgain() throws {
    // Objects name their source's absolute path (assertion messages), so it is in the key.
    let setup = Setup(Self.project)
    defer { setup.remove() }
    try setup.build()
    let moved = setup.folder.appendingPathComponent("moved")
    try FileManager.default.copyItem(at: setup.project, to: moved)
    var options = BuildOptions(input: moved.path, output: setup.folder.appendingPathComponent("m").path)
    options.cache = setup.cache
    #expect(try BuildRunner(options: options).run().cache?.hits == 0)
  }

  @Test func corruptedEntryIsDroppedAndRebuilt() throws {
    let setup = Setup(Self.project)
    defer { setup.remove() }
    try setup.build("uncached", cached: false)
    try setup.build()
    let entries = setup.folder.appendingPathComponent("cache/v1/ac")
    let names = try FileManager.default.contentsOfDirectory(atPath: entries.path).sorted()
    #expect(names.count == 4)
    // Flip one byte of one entry's payload, truncate another.
    let flipped = entries.appendingPathComponent(names[0])
    var bytes = try Data(contentsOf: flipped)
    bytes[bytes.count - 1] ^= 0xFF
    try bytes.write(to: flipped)
    let truncated = entries.appendingPathComponent(names[1])
    try Data(try Data(contentsOf: truncated).prefix(30)).write(to: truncated)
    let statistics = try setup.build()
    #expect(statistics?.corrupt == 2)
    #expect(statistics?.hits == 2)
    #expect(try setup.bytes("app") == setup.bytes("uncached"))
    #expect(try setup.build()?.hits == 4)
  }

  @Test func twoBuildsSharingACacheAgree() throws {
    let setup = Setup(Self.project)
    defer { setup.remove() }
    try setup.build("uncached", cached: false)
    try [("one", 1), ("two", 4)].withParallelBuilds(setup)
    #expect(try setup.bytes("one") == setup.bytes("uncached"))
    #expect(try setup.bytes("two") == setup.bytes("uncached"))
    #expect(try setup.build()?.hits == 4)
    // No temporary file is left behind.
    let names = try FileManager.default.contentsOfDirectory(atPath: setup.folder.appendingPathComponent("cache/v1/ac").path)
    #expect(names.count == 4)
  }

  @Test func sizeLimitTrimsTheLeastRecentlyUsedEntries() throws {
    let setup = Setup(Self.project)
    defer { setup.remove() }
    try setup.build()
    let (entries, bytes) = setup.cache.stats()
    #expect(entries == 12)  // 4 objects, 4 stubs, 4 front-end records
    #expect(setup.cache.storeCounts() == "4 objects, 4 stubs, 4 front-end records")
    let small = ActionCache(root: setup.cache.root, maxBytes: bytes / 2)
    #expect(small.trim() >= 2)
    #expect(small.stats().bytes <= bytes / 2)
    let remaining = small.stats().entries
    #expect(setup.cache.clean() == remaining)
    #expect(setup.cache.stats().entries == 0)
  }

  @Test func entriesAreVerifiedOnRead() {
    let payload: [UInt8] = Array("object bytes".utf8)
    let entry = ActionCache.encode(payload)
    #expect(ActionCache.decode(entry) == payload)
    var damaged = entry
    damaged[ActionCache.headerSize] ^= 1
    #expect(ActionCache.decode(damaged) == nil)
    #expect(ActionCache.decode(Array(entry.dropLast())) == nil)
    #expect(ActionCache.decode(Array(entry.prefix(10))) == nil)
    #expect(ActionCache.parseSize("512K") == 512 << 10)
    #expect(ActionCache.parseSize("2g") == 2 << 30)
    #expect(ActionCache.parseSize("12") == 12)
    #expect(ActionCache.parseSize("x") == nil)
  }

  @Test func importClosuresFollowImportsTransitively() {
    let modules = [["a", "c"], [], ["a"], ["b"]].enumerated().map { k, imports in
      PlannedModule(name: ["main", "a", "b", "c"][k], path: nil, imports: imports, size: 0)
    }
    #expect(BuildPlan.importClosures(modules) == [[1, 2, 3], [], [1], [1, 2]])
  }
}

extension [(String, Int)] {
  /// Builds `setup`'s project concurrently, once per (output name, worker count), into one cache.
  func withParallelBuilds(_ setup: ActionCacheTests.Setup) throws {
    let failures = Failures()
    DispatchQueue.concurrentPerform(iterations: count) { k in
      do {
        try setup.build(self[k].0, jobs: self[k].1)
      } catch {
        failures.add("\(error)")
      }
    }
    #expect(failures.all.isEmpty)
  }
}

/// Errors collected from concurrent builds.
final class Failures: @unchecked Sendable {
  private let lock = NSLock()
  private var list: [String] = []
  func add(_ text: String) { lock.withLock { list.append(text) } }
  var all: [String] { lock.withLock { list } }
}
