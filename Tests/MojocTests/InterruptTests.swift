//! Ctrl-C or SIGTERM during a build: mojoc dies of the signal (status 130 for SIGINT in a shell)
//! and leaves nothing behind — no scratch folder of objects, no half-written output.
import Foundation
import ProcessKit
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

    // A system linker makes the build keep its objects in a scratch folder under TMPDIR. The
    // build runs on another thread; this one interrupts it once the scratch folder fills.
    let arguments = [MojocProcess.executable.path, "build", project.path,
                     "-o", output.appendingPathComponent("app").path, "--linker", "auto", "-j2"]
    let environment = ChildProcess.currentEnvironment.merging(["TMPDIR": scratch.path]) { $1 }
    let state = BuildState()
    let thread = Thread {
      var build = ChildProcess(arguments)
      build.environment = environment
      let result = try? build.run(started: { pid in state.update { $0.pid = pid } })
      state.update { $0.status = result?.status ?? -1 }
    }
    thread.start()
    let deadline = Date().addingTimeInterval(60)
    while state.read().status == nil && Date() < deadline,
          (try FileManager.default.contentsOfDirectory(atPath: scratch.path)).isEmpty {
      usleep(20_000)
    }
    let pid = try #require(state.read().pid, "the build did not start")
    try #require(state.read().status == nil, "the build ended before it could be interrupted")
    kill(pid, signal)
    while state.read().status == nil { usleep(10_000) }

    #expect(state.read().status == 128 + signal, "ended with status \(state.read().status ?? 0)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == [])
    #expect(try FileManager.default.contentsOfDirectory(atPath: output.path) == [])
  }
}

/// The pid and, once it ended, the status of a build another thread runs.
private final class BuildState: @unchecked Sendable {
  struct Values {
    var pid: pid_t?
    var status: Int32?
  }
  private let lock = NSLock()
  private var values = Values()

  func update(_ change: (inout Values) -> Void) { lock.withLock { change(&values) } }
  func read() -> Values { lock.withLock { values } }
}
