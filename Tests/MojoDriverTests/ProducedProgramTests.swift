//! What a program mojoc built does when things go wrong at run time, with each backend: runaway
//! recursion is reported as a stack overflow and a failed write to standard output is reported,
//! both after flushing what was printed, and the program dies by SIGABRT like every trap.
import Foundation
import MojoCodegen
import Testing
import TestSupport
@testable import MojoDriver

@Suite struct ProducedProgramTests {
  /// Builds `source` as `main.mojo` and returns the executable.
  static func build(_ source: String, backend: BackendKind) throws -> URL {
    let project = Fixtures.makeProject(["main.mojo": source])
    let exe = project.appendingPathComponent("program")
    let diagnostics = try Harness.build(project, backend: backend, output: exe)
    #expect(diagnostics.isEmpty)
    return exe
  }

  /// Runs `command` with `/bin/sh -c` (redirections included) and returns status, stdout, stderr.
  static func shell(_ command: String, attempt: Int = 0) throws
    -> (status: Int32, signaled: Bool, stdout: String, stderr: String)
  {
    let folder = Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let err = folder.appendingPathComponent("err")
    let run = try Launch.run(["/bin/sh", "-c", "exec " + command + " 2>'\(err.path)'"], scratch: folder)
    let stderr = (try? String(contentsOf: err, encoding: .utf8)) ?? ""
    // The shell's exec met a program still held open by a child another test thread was
    // spawning while the built-in linker wrote it (see Launch.run): again.
    if run.status == 126 && stderr.contains("Text file busy") && attempt < 100 {
      usleep(10_000)
      return try shell(command, attempt: attempt + 1)
    }
    // Launch reports a signal as 128 + its number; these tests keep the two apart.
    let signaled = run.status > 128
    return (signaled ? run.status - 128 : run.status, signaled, run.stdout, stderr)
  }

  @Test(arguments: BackendKind.allCases)
  func stackOverflowIsReportedAfterTheOutput(backend: BackendKind) throws {
    let exe = try Self.build("""
      def down(n: Int) -> Int:
          if n < 0:
              return 0
          return down(n + 1) + 1

      def main():
          print("before")
          print(down(0))
      """, backend: backend)
    let run = try Self.shell("'\(exe.path)'")
    #expect(run.signaled && run.status == 11)  // SIGSEGV, as Mojo 1.2's programs
    #expect(run.stdout == "before\n")
    #expect(run.stderr == "mojo: run-time error: stack overflow\n")
  }

  static let printsALot = """
    def main():
        for i in range(100000):
            print("line", i)
    """

  @Test(arguments: BackendKind.allCases)
  func aFullDeviceIsAnError(backend: BackendKind) throws {
    let exe = try Self.build(Self.printsALot, backend: backend)
    let run = try Self.shell("'\(exe.path)' >/dev/full")
    #expect(run.signaled && run.status == 6)
    #expect(run.stderr == "mojo: run-time error: cannot write to standard output: no space left on device\n")
  }

  @Test(arguments: BackendKind.allCases)
  func aClosedStandardOutputIsAnError(backend: BackendKind) throws {
    let exe = try Self.build("def main():\n    print(\"hello\")\n", backend: backend)
    let run = try Self.shell("'\(exe.path)' >&-")
    #expect(run.signaled && run.status == 6)
    #expect(run.stderr == "mojo: run-time error: cannot write to standard output: bad file descriptor\n")
  }

  @Test func aCompleteRunStillExitsZero() throws {
    let exe = try Self.build(Self.printsALot, backend: .cnp)
    let run = try Self.shell("'\(exe.path)'")
    #expect(run.status == 0 && !run.signaled && run.stderr == "")
    #expect(run.stdout.hasSuffix("line 99999\n") && run.stdout.split(separator: "\n").count == 100000)
  }
}
