//! `mojoc run` as a user meets it: every runnable Corpus program (conformance, oracle, examples)
//! prints exactly its expected output, stderr and status through `mojoc run` with both backends;
//! run-time errors give the built executable's stdout, stderr and status; arguments after `--`
//! are not mojoc's; `--timings` has the program's run as a phase; nothing is written.
import Foundation
import Testing
import TestSupport

/// The Corpus programs that must run and print their `expected.txt`.
let runnableCorpus: [URL] = ["conformance", "oracle", "examples"].flatMap {
  Fixtures.projects(in: Fixtures.corpus.appendingPathComponent($0))
}

@Suite struct RunCommandTests {
  @Test("mojoc run prints real Mojo's output", arguments: runnableCorpus, ["cnp", "llvm", "interp"])
  func corpusProgram(project: URL, backend: String) throws {
    let expected = try String(contentsOf: project.appendingPathComponent("expected.txt"), encoding: .utf8)
    // Status 0 and an empty stderr unless the case says otherwise (an uncaught error).
    let statusText = try? String(contentsOf: project.appendingPathComponent("expected-status.txt"), encoding: .utf8)
    let status = try #require(Int32(statusText?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "0"))
    let stderr = (try? String(contentsOf: project.appendingPathComponent("expected-stderr.txt"), encoding: .utf8)) ?? ""
    // `-w`: the expected stderr is the program's; Mojo's compile-time warnings are tested elsewhere.
    let run = try MojocProcess.run(["run", project.path, "--backend", backend, "-j2", "-w"])
    #expect(run.stderr == stderr, "\(project.lastPathComponent) [\(backend)]: \(run.stderr)")
    #expect(run.status == status, "\(project.lastPathComponent) [\(backend)] exited with \(run.status)")
    // A failed check names the file by its absolute path; the recorded output by the relative one.
    let stdout = run.stdout.replacingOccurrences(of: project.resolvingSymlinksInPath().path + "/", with: "")
    #expect(stdout == expected, "\(project.lastPathComponent) [\(backend)] output differs")
  }

  static let traps: [(name: String, source: String)] = [
    ("index", "def main():\n    print(\"before\")\n    var xs: List[Int] = [1, 2, 3]\n    var i = 5\n    print(xs[i])\n"),
    ("string-index", "def main():\n    var s = \"abc\"\n    print(s)\n    var i = 7\n    print(s[byte=i])\n"),
    ("division-by-zero", "def main():\n    print(\"before\")\n    var d = 0\n    print(7 // d + 1)\n    print(7 / d)\n"),
    ("stack-overflow", "def f(n: Int) -> Int:\n    return f(n + 1) + 1\n\ndef main():\n    print(\"deep\")\n    print(f(0))\n"),
    ("uint-division-by-zero", "def main():\n    var d: UInt64 = 0\n    var n: UInt64 = 7\n    print(n // d)\n    print(n / d)\n"),
    ("chr", "def main():\n    var n = -191\n    print(chr(n))\n    print(chr(n + 191 + 0xD800))\n"),
  ]

  /// A trap ends `mojoc run` exactly as it ends the built program: what was printed before it,
  /// then a failed bounds check as Mojo 1.2 reports it (`At: /abs/main.mojo:5:13: Assert Error:
  /// ...` on stdout, SIGILL), or a fault Mojo 1.2's programs die of: SIGFPE for `/` by zero
  /// (nothing on stderr), SIGSEGV for a stack overflow (with mojoc's `mojo: run-time error:` line).
  @Test("a run-time error behaves as in the built executable", arguments: traps.map(\.name))
  func trapMatchesBuiltProgram(name: String) throws {
    let source = Self.traps.first { $0.name == name }!.source
    let project = Fixtures.makeProject(["main.mojo": source])
    defer { try? FileManager.default.removeItem(at: project) }
    let exe = project.appendingPathComponent("program")
    let build = try MojocProcess.run(["build", project.path, "-o", exe.path, "-w"])
    #expect(build.status == 0, "\(build.stderr)")
    let built = try MojocProcess.run([], program: exe)
    let file = project.resolvingSymlinksInPath().path + "/main.mojo"
    switch name {
    case "index":
      #expect(built.stdout == "before\nAt: \(file):5:13: Assert Error: index 5 is out of bounds, valid range is 0 to 2\n")
      #expect(built.stderr == "" && built.status == 128 + 4)  // SIGILL
    case "string-index":
      #expect(built.stdout == "abc\nAt: \(file):5:12: Assert Error: index 7 is out of bounds, valid range is 0 to 2\n")
      #expect(built.stderr == "" && built.status == 128 + 4)
    case "division-by-zero":
      #expect(built.stdout == "before\n1\n")
      #expect(built.stderr == "" && built.status == 128 + 8)  // SIGFPE
    case "uint-division-by-zero":
      #expect(built.stdout == "0\n")
      #expect(built.stderr == "" && built.status == 128 + 8)
    case "chr":
      #expect(built.stdout == "A\nABORT: Mojo/stdlib/std/collections/string/string.mojo:2393:14: chr(55296) is not a valid Unicode codepoint\n")
      #expect(built.stderr == "" && built.status == 128 + 4)  // SIGILL
    default:
      #expect(built.stderr == "mojo: run-time error: stack overflow\n", "\(built.stderr)")
      #expect(built.stdout == "deep\n" && built.status == 128 + 11)  // SIGSEGV
    }
    for backend in ["cnp", "llvm", "interp"] {
      let run = try MojocProcess.run(["run", project.path, "--backend", backend, "-w"])
      #expect(run.stdout == built.stdout && run.stderr == built.stderr && run.status == built.status,
              "run [\(backend)]: \(run.status) \(run.stdout) \(run.stderr)\nbuilt: \(built.status) \(built.stdout) \(built.stderr)")
    }
  }

  @Test func argumentsAfterDoubleDashAreTheProgramsAndNothingIsWritten() throws {
    let project = Fixtures.makeProject(["main.mojo": "def main():\n    print(\"hello\")\n"])
    let workspace = Fixtures.temporaryFolder()
    defer {
      try? FileManager.default.removeItem(at: project)
      try? FileManager.default.removeItem(at: workspace)
    }
    let run = try MojocProcess.run(["run", project.path, "--", "--backend", "nonsense", "-o", "x"], in: workspace)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout == "hello\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.path).isEmpty)
    #expect(try FileManager.default.contentsOfDirectory(atPath: project.path) == ["main.mojo"])
  }

  @Test func timingsShowTheProgramsRun() throws {
    let project = Fixtures.makeProject(["main.mojo": "def main():\n    print(\"hello\")\n"])
    defer { try? FileManager.default.removeItem(at: project) }
    let trace = project.appendingPathComponent("t.json").path
    let run = try MojocProcess.run(["run", project.path, "--timings", "--time-trace", trace])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout == "hello\n")
    #expect(run.stderr.contains("run program"), "\(run.stderr)")
    #expect(try String(contentsOfFile: trace, encoding: .utf8).contains("\"name\":\"run program\""))
  }

  @Test func aTrapKeepsTheReportsOfTheBuild() throws {
    let project = Fixtures.makeProject(["main.mojo": "def main():\n    var xs = List[Int]()\n    print(xs[3])\n"])
    defer { try? FileManager.default.removeItem(at: project) }
    let trace = project.appendingPathComponent("t.json").path
    let run = try MojocProcess.run(["run", project.path, "--time-trace", trace])
    #expect(run.status == 128 + 4, "\(run.stderr)")  // SIGILL: a failed bounds check, as Mojo dies
    let text = try String(contentsOfFile: trace, encoding: .utf8)
    #expect(text.contains("\"name\":\"parse\"") && text.contains("\"name\":\"link\""))
    #expect(!text.contains("\"name\":\"run program\""))
  }

  @Test func programErrorsStopBeforeRunning() throws {
    let project = Fixtures.makeProject(["main.mojo": "def main():\n    print(undefined_name)\n"])
    defer { try? FileManager.default.removeItem(at: project) }
    let run = try MojocProcess.run(["run", project.path])
    #expect(run.status == 1)
    #expect(run.stdout == "")
    #expect(run.stderr.contains("error: "), "\(run.stderr)")
  }
}
