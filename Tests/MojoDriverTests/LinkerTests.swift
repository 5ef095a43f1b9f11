//! `--linker`: each choice becomes the right `cc` flags, `auto` takes the first installed
//! linker in measured speed order, and every installed linker produces a working program.
import Foundation
import MojoCodegen
import Testing
import TestSupport
@testable import MojoDriver

@Suite struct LinkerTests {
  @Test func choicesSelectTheirLinker() throws {
    #expect(Linker.selection(.bfd) == ["-fuse-ld=bfd"])
    if let gold = Linker.selection(.gold) { #expect(gold == ["-fuse-ld=gold"]) }
    if let mold = Linker.selection(.mold) { #expect(mold == ["-fuse-ld=mold"]) }
    if let lld = Linker.selection(.lld) { #expect(lld.last == "-fuse-ld=lld" && lld.first!.hasPrefix("-B")) }
  }

  @Test func autoTakesTheFastestInstalled() throws {
    let installed = LinkerChoice.fastestFirst.first { Linker.selection($0) != nil }!
    let job = try Linker(choice: .auto).plan(objects: ["a.o"], output: "out")
    #expect(job.arguments == Linker.selection(installed)! + ["-o", "out", "a.o"])
    #expect(LinkerChoice.fastestFirst.last == .bfd)
  }

  @Test func missingLinkerIsAnError() throws {
    for choice in LinkerChoice.allCases where Linker.selection(choice) == nil {
      #expect(throws: DriverError.self) { try Linker(choice: choice).plan(objects: ["a.o"], output: "out") }
    }
  }

  @Test(arguments: LinkerChoice.allCases)
  func everyInstalledLinkerBuildsAWorkingProgram(choice: LinkerChoice) throws {
    guard Linker.selection(choice) != nil else { return }
    let folder = Fixtures.temporaryFolder()
    let exe = folder.appendingPathComponent("app")
    let result = try ParallelDriverTests.build(ParallelDriverTests.primes, output: exe) { $0.linker = choice }
    #expect(result.diagnostics.isEmpty)
    #expect(try Harness.run(exe).stdout.contains("primes below 100 = 25"))
  }

  @Test func linkFailureShowsTheLinkersMessage() throws {
    let folder = Fixtures.temporaryFolder()
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
}
