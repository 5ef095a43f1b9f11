//! `mojoc` reads its common command lines without ArgumentParser (`Sources/MojocCommandLine/FastCommandLine.swift`).
//! Each such command line must behave exactly as ArgumentParser's reading of it: the same
//! status, stdout, stderr and output bytes as the same command with one more option that only
//! ArgumentParser reads (`--time-trace-granularity 500`, the default), and `--help`/`-h` print
//! what `mojoc help` prints.
import Foundation
import Testing
import TestSupport

@Suite struct FastCommandLineTests {
  /// Runs `arguments` (which name the output `OUT` if any) twice, the second time through
  /// ArgumentParser, and expects the same status, output streams and output bytes.
  func expectSameAsArgumentParser(_ arguments: [String], in folder: URL, _ comment: String) throws {
    var outputs: [Data?] = []
    var runs: [MojocRun] = []
    for (k, extra) in [[], ["--time-trace-granularity", "500"]].enumerated() {
      let out = folder.appendingPathComponent("out\(k)").path
      try? FileManager.default.removeItem(atPath: out)
      let spelled = arguments.map { $0 == "OUT" ? out : $0 }
      let separator = spelled.firstIndex(of: "--") ?? spelled.count
      let run = try MojocProcess.run(Array(spelled[..<separator]) + extra + Array(spelled[separator...]), in: folder)
      runs.append(MojocRun(status: run.status, stdout: run.stdout.replacingOccurrences(of: out, with: "OUT"),
                           stderr: run.stderr.replacingOccurrences(of: out, with: "OUT")))
      outputs.append(FileManager.default.contents(atPath: out))
    }
    #expect(runs[0].status == runs[1].status, "\(comment): status")
    #expect(runs[0].stdout == runs[1].stdout, "\(comment): stdout")
    #expect(runs[0].stderr == runs[1].stderr, "\(comment): stderr")
    #expect(outputs[0] == outputs[1], "\(comment): output bytes")
  }

  @Test func buildAndRunBehaveAsThroughArgumentParser() throws {
    let folder = Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let sources = [
      "hello": "def main():\n    print(\"hello\")\n",
      "raises": "def main() raises:\n    print(\"before\")\n    raise 5\n",
      "wrong": "def main():\n    print(undefined_name)\n",
      "warns": "def main():\n    var x = 1\n    x = 2\n    print(\"warns\")\n",
    ]
    for (name, text) in sources { try text.write(to: folder.appendingPathComponent(name + ".mojo"), atomically: true, encoding: .utf8) }
    let cases: [([String], String)] = [
      (["build", "hello.mojo", "-o", "OUT"], "build"),
      (["build", "-o", "OUT", "hello.mojo", "-j", "1", "--backend", "cnp"], "options before the input"),
      (["build", "hello.mojo", "-o", "OUT", "-j2", "-O2"], "joined -j and -O, the -O warning"),
      (["build", "hello.mojo", "-o", "OUT", "--emit", "obj"], "--emit obj into a file: refused"),
      (["build", "hello.mojo", "--emit", "ir"], "IR on stdout"),
      (["build", "hello.mojo", "-o", "OUT", "--linker", "lld", "--verify-ir"], "another linker"),
      (["build", "wrong.mojo", "-o", "OUT"], "a program error"),
      (["build", "missing.mojo", "-o", "OUT"], "a missing input"),
      (["build", "hello.mojo", "-o", "hello.mojo"], "the source as output"),
      (["build", "warns.mojo", "-o", "OUT"], "a warning"),
      (["build", "warns.mojo", "-o", "OUT", "-w"], "-w"),
      (["build", "warns.mojo", "-o", "OUT", "--Werror"], "--Werror"),
      (["build", "hello.mojo", "-o", "OUT", "--cache"], "--cache"),
      (["build", "hello.mojo", "-o", "OUT", "--no-cache"], "--no-cache"),
      (["run", "warns.mojo", "-Werror", "--disable-warnings"], "run: -Werror and --disable-warnings"),
      (["run", "hello.mojo"], "run"),
      (["run", "hello.mojo", "-j", "1", "--", "-x", "--help"], "run with program arguments"),
      (["run", "raises.mojo"], "run: an uncaught error"),
      (["run", "wrong.mojo"], "run: a program error"),
    ]
    for (arguments, comment) in cases { try expectSameAsArgumentParser(arguments, in: folder, comment) }
  }

  @Test func helpIsArgumentParsersHelp() throws {
    let help = try MojocProcess.run(["help"])
    #expect(help.status == 0)
    #expect(help.stdout.hasPrefix("OVERVIEW: A parallel ahead-of-time compiler for a subset of Mojo.\n"))
    for spelling in ["--help", "-h"] {
      for columns in ["80", "50", "132", "40", "29", "abc"] {
        let fast = try MojocProcess.run([spelling], environment: ["COLUMNS": columns])
        let slow = try MojocProcess.run(["help"], environment: ["COLUMNS": columns])
        #expect(fast.status == 0)
        #expect(fast.stdout == slow.stdout, "\(spelling), \(columns) columns")
        #expect(fast.stderr.isEmpty)
      }
    }
  }
}
