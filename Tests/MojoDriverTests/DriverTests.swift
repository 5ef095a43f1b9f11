//! Driver: project loading (modules and packages), atomic outputs, link plans, determinism
//! across worker counts, and user-facing error paths.
import Foundation
import MojoCodegen
import MojoDiagnostics
import Testing
import TestSupport
@testable import MojoDriver

@Suite struct DriverTests {
  static let twoModules = [
    "main.mojo": "from util import twice\nimport pkg.deep\n\ndef main():\n    print(twice(21), pkg.deep.answer())\n",
    "util.mojo": "def twice(x: Int) -> Int:\n    return x * 2\n",
    "pkg/__init__.mojo": "",
    "pkg/deep.mojo": "from ..util import twice\n\ndef answer() -> Int:\n    return twice(20) + 2\n",
  ]

  @Test func loaderFindsImportedModulesAndPackages() throws {
    let project = Fixtures.makeProject(Self.twoModules)
    let loaded = try ProjectLoader(input: project.path).load(executor: SerialExecutor())
    #expect(Set(loaded.modules.map(\.name)) == ["main", "util", "pkg", "pkg.deep"])
    #expect(loaded.modules.first { $0.name == "pkg" }?.isPackage == true)
  }

  @Test(arguments: BackendKind.allCases)
  func multiModuleProgramRuns(backend: BackendKind) throws {
    let run = try Harness.buildAndRun(Fixtures.makeProject(Self.twoModules), backend: backend)
    #expect(run.stdout == "42 42\n")
  }

  @Test(arguments: BackendKind.allCases)
  func executableIsIdenticalForOneAndFourWorkers(backend: BackendKind) throws {
    let project = Fixtures.makeProject(Self.twoModules)
    let folder = Fixtures.temporaryFolder()
    let a = folder.appendingPathComponent("a"), b = folder.appendingPathComponent("b")
    _ = try Harness.build(project, backend: backend, output: a, jobs: 1)
    _ = try Harness.build(project, backend: backend, output: b, jobs: 4)
    #expect(try Data(contentsOf: a) == Data(contentsOf: b))
  }

  @Test(arguments: BackendKind.allCases)
  func executableIsIdenticalForAnyWorkerCountAndRun(backend: BackendKind) throws {
    let project = Fixtures.corpus.appendingPathComponent("examples/primes")
    let folder = Fixtures.temporaryFolder()
    var executables: [Data] = []
    for (run, jobs) in [1, 2, 8, 8, 2].enumerated() {
      let exe = folder.appendingPathComponent("app-\(run)")
      let diagnostics = try Harness.build(project, backend: backend, output: exe, jobs: jobs)
      #expect(diagnostics.isEmpty)
      executables.append(try Data(contentsOf: exe))
    }
    #expect(Set(executables).count == 1)
  }

  @Test func failedBuildLeavesExistingOutputUntouched() throws {
    let project = Fixtures.makeProject(["main.mojo": "def main():\n    print(nope)\n"])
    let folder = Fixtures.temporaryFolder()
    let output = folder.appendingPathComponent("app")
    try Data("previous".utf8).write(to: output)
    let diagnostics = try Harness.build(project, backend: .cnp, output: output)
    #expect(diagnostics.first?.message == "use of unknown declaration 'nope'")
    #expect(try Data(contentsOf: output) == Data("previous".utf8))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["app"])
  }

  @Test func missingMainIsReportedWithoutLocation() throws {
    let project = Fixtures.makeProject(["main.mojo": "def helper():\n    pass\n"])
    let diagnostics = try Harness.build(project, backend: .cnp, output: Fixtures.temporaryFolder().appendingPathComponent("x"))
    #expect(diagnostics.map(\.message) == ["module does not contain a 'main' function"])
    #expect(diagnostics[0].location.file == nil)
  }

  @Test func errorsAreReportedInSourceOrder() throws {
    let project = Fixtures.makeProject([
      "main.mojo": "def main():\n    var a: Int = True\n    print(b)\n    c = 1\n    f(1)\n",
    ])
    let diagnostics = try Harness.build(project, backend: .cnp, output: Fixtures.temporaryFolder().appendingPathComponent("x"))
    #expect(diagnostics.map(\.id) == ["cannotConvert", "unknownDeclaration", "implicitDeclaration", "unknownDeclaration"])
  }

  @Test func unknownModuleNamesTheMissingComponent() throws {
    let project = Fixtures.makeProject(["main.mojo": "from geom.nothing import f\n\ndef main():\n    pass\n", "geom/__init__.mojo": ""])
    let diagnostics = try Harness.build(project, backend: .cnp, output: Fixtures.temporaryFolder().appendingPathComponent("x"))
    let d = try #require(diagnostics.first)
    #expect(d.message == "unable to locate module 'nothing'")
    #expect(d.location.offset == 10)
  }

  @Test func linkPlanUsesTheChosenLinker() throws {
    let bfd = try Linker(choice: .bfd).plan(objects: ["a.o", "b.o"], output: "out")
    #expect(bfd.tool.hasSuffix("/ld.bfd") || bfd.tool.hasSuffix("/ld"))
    #expect(bfd.arguments == ["-static", "-o", "out", "a.o", "b.o"])
    let auto = try Linker(choice: .auto).plan(objects: ["a.o"], output: "out")
    #expect(auto.arguments.suffix(3) == ["-o", "out", "a.o"])
  }

  @Test func linkFailureIsAnErrorAndLeavesNoFile() throws {
    let folder = Fixtures.temporaryFolder()
    let bogus = folder.appendingPathComponent("bogus.o")
    try Data("not an object".utf8).write(to: bogus)
    let linker = Linker(choice: .auto)
    let job = try linker.plan(objects: [bogus.path], output: folder.appendingPathComponent("tmp").path)
    #expect(throws: DriverError.self) { try linker.run(job, finalOutput: folder.appendingPathComponent("exe").path) }
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("exe").path))
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("tmp").path))
  }
}
