//! `--linker`: the built-in linker is the default and runs in process; each system linker choice
//! runs that linker directly on the same objects; `auto` takes the first installed linker in
//! measured speed order; every available linker produces a working program; failures name the
//! cause and leave no output behind.
import Foundation
import MojoCodegen
import MojoLinker
import MojoRuntime
import Testing
import TestSupport
@testable import MojoDriver

@Suite struct LinkerTests {
  @Test func builtinIsTheDefault() {
    #expect(BuildOptions(input: "x").linker == .builtin)
    #expect(Linker().choice == .builtin)
    #expect(Linker.tool(.builtin) == nil)
  }

  @Test func choicesFindTheirLinker() throws {
    #expect(Linker.tool(.bfd) != nil)  // binutils is always there
    if let gold = Linker.tool(.gold) { #expect(gold.hasSuffix("/ld.gold")) }
    if let lld = Linker.tool(.lld) { #expect(lld.hasSuffix("/ld.lld")) }
    if let mold = Linker.tool(.mold) { #expect(mold.hasSuffix("mold")) }
  }

  @Test func systemLinkersRunDirectlyOnTheObjects() throws {
    let installed = LinkerChoice.fastestFirst.first { Linker.tool($0) != nil }!
    let job = try Linker(choice: .auto).plan(objects: ["a.o", "mojo_runtime.o"], output: "out")
    #expect(job.tool == Linker.tool(installed))
    #expect(job.arguments == ["-static", "-o", "out", "a.o", "mojo_runtime.o"])
    #expect(LinkerChoice.fastestFirst.last == .bfd)
  }

  @Test func missingLinkerIsAnError() throws {
    for choice in LinkerChoice.allCases where choice != .builtin && Linker.tool(choice) == nil {
      #expect(throws: DriverError.self) { try Linker(choice: choice).plan(objects: ["a.o"], output: "out") }
    }
  }

  @Test(arguments: LinkerChoice.allCases)
  func everyAvailableLinkerBuildsAWorkingProgram(choice: LinkerChoice) throws {
    guard choice == .builtin || Linker.tool(choice) != nil else { return }
    let folder = Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let exe = folder.appendingPathComponent("app")
    let result = try ParallelDriverTests.build(ParallelDriverTests.primes, output: exe) { $0.linker = choice }
    #expect(result.diagnostics.isEmpty)
    #expect(try Harness.run(exe).stdout.contains("primes below 100 = 25"))
    // Executable for everyone the umask allows, and nothing else left in the folder.
    let mode = try FileManager.default.attributesOfItem(atPath: exe.path)[.posixPermissions] as! Int
    #expect(mode & 0o100 != 0)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["app"])
  }

  @Test func systemLinkFailureShowsTheLinkersMessage() throws {
    let folder = Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let bogus = folder.appendingPathComponent("bogus.o")
    try Data("not an object".utf8).write(to: bogus)
    let linker = Linker(choice: .bfd)
    let job = try linker.plan(objects: [bogus.path], output: folder.appendingPathComponent("tmp").path)
    do {
      try linker.run(job, finalOutput: folder.appendingPathComponent("exe").path)
      Issue.record("linking garbage succeeded")
    } catch DriverError.linkFailed(_, let output) {
      #expect(output.contains("bogus.o"))
    }
  }

  /// A large executable is written through its mapping a window at a time, dropping the pages
  /// written so far (`runBuiltin(window:)`): the same bytes as a populated mapping.
  @Test func builtinLinkThroughSmallWindowsWritesTheSameExecutable() throws {
    let folder = Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let objects = folder.appendingPathComponent("objects")
    _ = try ParallelDriverTests.build(ParallelDriverTests.primes, output: objects, emit: .obj)
    let inputs = try FileManager.default.contentsOfDirectory(atPath: objects.path).sorted().map { name in
      LinkInput(name: name, bytes: Array(try Data(contentsOf: objects.appendingPathComponent(name))))
    } + [LinkInput(name: "mojo_runtime.o", bytes: RuntimeObject.bytes)]
    var executables: [Data] = []
    for window in [16 << 20, 4096, 1] {
      let exe = folder.appendingPathComponent("app-\(window)")
      try Linker().runBuiltin(inputs, temporary: exe.path + ".tmp", finalOutput: exe.path, window: window)
      #expect(try Harness.run(exe).stdout.contains("primes below 100 = 25"))
      executables.append(try Data(contentsOf: exe))
    }
    #expect(executables[1] == executables[0] && executables[2] == executables[0])
  }

  @Test func builtinLinkFailureKeepsTheExistingOutput() throws {
    let folder = Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let exe = folder.appendingPathComponent("exe")
    try Data("old".utf8).write(to: exe)
    let temporary = folder.appendingPathComponent(".exe.tmp").path
    do {
      try Linker().runBuiltin([LinkInput(name: "junk.o", bytes: Array("junk".utf8))], temporary: temporary,
                              finalOutput: exe.path)
      Issue.record("linking garbage succeeded")
    } catch DriverError.linkError(let message) {
      #expect(message == "junk.o: not an ELF file")
    }
    #expect(try String(contentsOf: exe, encoding: .utf8) == "old")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["exe"])
  }
}
