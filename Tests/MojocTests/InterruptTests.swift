//! Ctrl-C or SIGTERM during a build: mojoc dies of the signal (status 130 for SIGINT in a shell)
//! and leaves nothing behind — no scratch folder of objects, no half-written output.
import Foundation
import Testing
import TestSupport

@Suite struct InterruptTests {
  @Test("an interrupted build removes its scratch folder and writes no output", arguments: [SIGINT, SIGTERM])
  func interruptedBuildLeavesNothing(signal: Int32) throws {
    let folder = Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let project = folder.appendingPathComponent("big"), scratch = folder.appendingPathComponent("tmp")
    let output = folder.appendingPathComponent("out")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
    let generate = try MojocProcess.run(["corpus", "generate", "--shape", "wide", "--lines", "30000", "-o", project.path])
    try #require(generate.status == 0, "\(generate.stderr)")

    // A system linker makes the build keep its objects in a scratch folder under TMPDIR.
    let build = Process()
    build.executableURL = MojocProcess.executable
    build.arguments = ["build", project.path, "-o", output.appendingPathComponent("app").path, "--linker", "auto", "-j2"]
    build.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": scratch.path]) { $1 }
    build.standardError = FileHandle.nullDevice
    try build.run()
    let deadline = Date().addingTimeInterval(60)
    while build.isRunning && Date() < deadline,
          (try FileManager.default.contentsOfDirectory(atPath: scratch.path)).isEmpty {
      usleep(20_000)
    }
    try #require(build.isRunning, "the build ended before it could be interrupted")
    kill(build.processIdentifier, signal)
    build.waitUntilExit()

    #expect(build.terminationReason == .uncaughtSignal && build.terminationStatus == signal,
            "ended with \(build.terminationReason) \(build.terminationStatus)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == [])
    #expect(try FileManager.default.contentsOfDirectory(atPath: output.path) == [])
  }
}
