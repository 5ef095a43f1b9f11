//! The process launcher: status, outputs to files or captured, signals, the time limit, and the
//! resource usage it reports.
import Foundation
import ProcessKit
import Testing

@Suite struct ChildProcessTests {
  @Test("status and an output file")
  func statusAndOutputFile() throws {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("child-out-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: out) }
    let result = try ChildProcess(["/bin/sh", "-c", "echo hello; echo oops >&2; exit 3"], standardOutput: .file(out)).run()
    #expect(result.status == 3 && !result.timedOut)
    #expect(try String(contentsOfFile: out, encoding: .utf8) == "hello\n")
    #expect(result.output.isEmpty)
    #expect(result.wallSeconds > 0 && result.peakRSS > 0)
  }

  @Test("both streams captured in order")
  func captureBothStreams() throws {
    let result = try ChildProcess(["/bin/sh", "-c", "echo one; echo two >&2; echo three"],
                                  standardOutput: .capture, standardError: .capture).run()
    #expect(result.status == 0)
    #expect(result.outputText == "one\ntwo\nthree\n")
  }

  @Test("a program killed by a signal reports 128 + the signal")
  func signalStatus() throws {
    let result = try ChildProcess(["/bin/sh", "-c", "kill -KILL $$"]).run()
    #expect(result.status == 128 + 9)
  }

  @Test("a program that runs too long is killed")
  func timeLimit() throws {
    var process = ChildProcess(["/bin/sleep", "10"])
    process.timeLimit = 0.2
    let result = try process.run()
    #expect(result.timedOut && result.status == 128 + 9)
    #expect(result.wallSeconds < 5)
  }

  @Test("the pid is handed out while the child runs, before it is reaped")
  func startedAndEnded() throws {
    var started: Int32 = 0, ended: Int32 = 0
    _ = try ChildProcess(["/bin/true"]).run(started: { started = $0 }, ended: { ended = $0 })
    #expect(started > 0 && started == ended)
  }

  @Test("a missing program is an error, not a status")
  func missingProgram() {
    #expect(throws: SpawnError.self) { try ChildProcess(["/nonexistent/tool"]).run() }
  }

  @Test("tools are found on PATH")
  func findOnPath() {
    #expect(ChildProcess.find("sh") != nil)
    #expect(ChildProcess.find("/bin/sh") == "/bin/sh")
    #expect(ChildProcess.find("no-such-tool-mojoc") == nil)
  }
}
