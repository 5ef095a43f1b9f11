//! Runs every program under `Corpus/` with both backends: conformance programs must print
//! exactly their `expected.txt` (real Mojo's output) and exit 0; error cases must fail with the
//! first `error:` line of `expected-error.txt`; and the backends must agree with each other.
import Foundation
import MojoDiagnostics
import MojoDriver
import Testing
import TestSupport

/// The conformance and example programs that must run.
let runnablePrograms: [URL] =
  Fixtures.projects(in: Fixtures.corpus.appendingPathComponent("conformance"))
  + Fixtures.projects(in: Fixtures.corpus.appendingPathComponent("oracle"))
  + Fixtures.projects(in: Fixtures.corpus.appendingPathComponent("examples"))

/// The programs that must be rejected.
let errorPrograms: [URL] = Fixtures.projects(in: Fixtures.corpus.appendingPathComponent("conformance/errors"))
  + Fixtures.projects(in: Fixtures.corpus.appendingPathComponent("oracle/errors"))

/// How a program ends: status 0 and nothing on stderr, unless the case says otherwise
/// (`expected-status.txt`, `expected-stderr.txt`: a program ended by an uncaught error or a
/// failed check).
struct ExpectedEnding {
  var status: Int32 = 0
  var stderr = ""

  /// `stdout` with the project's absolute path removed from the source locations of failed
  /// checks (`At: /abs/case/main.mojo:4:13: ...`, as Mojo prints them): the recorded output has
  /// paths relative to the case.
  static func relativePaths(_ stdout: String, project: URL) -> String {
    stdout.replacingOccurrences(of: project.resolvingSymlinksInPath().path + "/", with: "")
  }

  init(of project: URL) throws {
    let statusFile = project.appendingPathComponent("expected-status.txt")
    if FileManager.default.fileExists(atPath: statusFile.path) {
      let text = try String(contentsOf: statusFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
      status = try #require(Int32(text), "\(statusFile.path): not a status")
    }
    let stderrFile = project.appendingPathComponent("expected-stderr.txt")
    if FileManager.default.fileExists(atPath: stderrFile.path) {
      stderr = try String(contentsOf: stderrFile, encoding: .utf8)
    }
  }
}

@Suite struct ConformanceTests {
  @Test("program prints real Mojo's output", arguments: runnablePrograms, BackendKind.allCases)
  func programOutput(project: URL, backend: BackendKind) throws {
    let expected = try String(contentsOf: project.appendingPathComponent("expected.txt"), encoding: .utf8)
    let ending = try ExpectedEnding(of: project)
    let run = try Harness.buildAndRun(project, backend: backend)
    #expect(run.stderr == ending.stderr, "\(project.lastPathComponent) [\(backend)]: \(run.stderr)")
    #expect(run.status == ending.status, "\(project.lastPathComponent) [\(backend)] exited with \(run.status)")
    #expect(ExpectedEnding.relativePaths(run.stdout, project: project) == expected,
            "\(project.lastPathComponent) [\(backend)] output differs:\n\(run.stdout)")
  }

  @Test("both backends agree on output and status", arguments: runnablePrograms)
  func backendsAgree(project: URL) throws {
    let cnp = try Harness.buildAndRun(project, backend: .cnp)
    let llvm = try Harness.buildAndRun(project, backend: .llvm, optimization: .o2)
    #expect(cnp.status == llvm.status && cnp.stdout == llvm.stdout,
            "\(project.lastPathComponent): backends disagree\n--- cnp (status \(cnp.status))\n\(cnp.stdout)\n--- llvm -O2 (status \(llvm.status))\n\(llvm.stdout)")
  }

  /// Cases recorded with `Scripts/record-oracle --warnings` hold Mojo's warnings: mojoc gives
  /// exactly these, in the same order (paths relative to the case).
  @Test("program gives real Mojo's warnings", arguments: runnablePrograms.filter {
    FileManager.default.fileExists(atPath: $0.appendingPathComponent("expected-warnings.txt").path)
  })
  func warnings(project: URL) throws {
    let expected = try String(contentsOf: project.appendingPathComponent("expected-warnings.txt"), encoding: .utf8)
      .split(separator: "\n").map(String.init)
    let folder = Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let diagnostics = try Harness.build(project, backend: .cnp, output: folder.appendingPathComponent("program"))
    // Only the main file is warned about: its location without the folder.
    let lines = diagnostics.filter { $0.severity == .warning }.map { d -> String in
      let line = DiagnosticRenderer.render(d).split(separator: "\n").first.map(String.init) ?? ""
      let parts = line.components(separatedBy: ": warning: ")
      return (parts[0].split(separator: "/").last.map(String.init) ?? parts[0]) + ": warning: "
        + parts.dropFirst().joined(separator: ": warning: ")
    }
    #expect(lines == expected, "\(project.lastPathComponent):\n\(lines.joined(separator: "\n"))")
  }

  @Test("error program reports the expected first error", arguments: errorPrograms)
  func firstError(project: URL) throws {
    let expected = try String(contentsOf: project.appendingPathComponent("expected-error.txt"), encoding: .utf8)
      .split(separator: "\n").first.map(String.init) ?? ""
    let folder = Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let diagnostics = try Harness.build(project, backend: .cnp, output: folder.appendingPathComponent("program"))
    let first = try #require(diagnostics.first { $0.severity == .error }, "\(project.lastPathComponent) compiled without error")
    let expectedLocation = expected.components(separatedBy: ": error: ")[0]
    let expectedMessage = expected.components(separatedBy: ": error: ").dropFirst().joined(separator: ": error: ")
    // Mojo heads a failed instantiation with "function instantiation failed" and its cause as a
    // note; mojoc gives the cause first and Mojo's line as the first note.
    var line = DiagnosticRenderer.render(first).split(separator: "\n").first.map(String.init) ?? ""
    if expectedMessage == "function instantiation failed" {
      let note = try #require(first.notes.first, "\(project.lastPathComponent): no note in \(line)")
      line = (DiagnosticRenderer.render(note).split(separator: "\n").first.map(String.init) ?? "")
        .replacingOccurrences(of: ": note: ", with: ": error: ")
    }
    let actualParts = line.components(separatedBy: ": error: ")
    #expect(actualParts[0].hasSuffix("/" + expectedLocation), "\(line) vs \(expected)")
    #expect(actualParts.dropFirst().joined(separator: ": error: ") == expectedMessage, "\(line) vs \(expected)")
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("program").path))
  }
}
