//! The command line as a user meets it: `--version`, the default output name, profiling options
//! in both spellings, usage errors (exit 64 with a suggestion), the `-O` warning with cnp, and
//! outputs that are refused (exit 2, one line) or that must work (very long names).
import Foundation
import Testing
import TestSupport

@Suite struct CommandLineTests {
  static let hello = ["main.mojo": "def main():\n    print(\"hello\")\n"]

  /// A scratch folder holding the project `app/` (and returned for cleanup).
  func makeWorkspace() -> (folder: URL, app: URL) {
    let folder = Fixtures.temporaryFolder()
    let app = folder.appendingPathComponent("app")
    try! FileManager.default.createDirectory(at: app, withIntermediateDirectories: true)
    try! Self.hello["main.mojo"]!.write(to: app.appendingPathComponent("main.mojo"), atomically: true, encoding: .utf8)
    return (folder, app)
  }

  @Test func versionPrintsTheVersion() throws {
    let run = try MojocProcess.run(["--version"])
    #expect(run.status == 0)
    #expect(run.stdout == "mojoc 0.1.0\n")
  }

  /// `mojoc build app/` writes `./app` next to the folder it is run in... unless that is the
  /// project folder itself; `mojoc build hi.mojo` writes `./hi`.
  @Test func defaultOutputIsNamedAfterTheFolderOrTheFile() throws {
    let (folder, app) = makeWorkspace()
    defer { try? FileManager.default.removeItem(at: folder) }
    let inside = try MojocProcess.run(["build", "."], in: app)
    #expect(inside.status == 0, "\(inside.stderr)")
    #expect(try MojocProcess.tool(app.appendingPathComponent("app").path, []).stdout == "hello\n")
    #expect(!FileManager.default.fileExists(atPath: app.appendingPathComponent("main").path))

    let out = folder.appendingPathComponent("out")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    let fromElsewhere = try MojocProcess.run(["build", app.path + "/"], in: out)
    #expect(fromElsewhere.status == 0, "\(fromElsewhere.stderr)")
    #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("app").path))

    try Self.hello["main.mojo"]!.write(to: out.appendingPathComponent("hi.mojo"), atomically: true, encoding: .utf8)
    let file = try MojocProcess.run(["build", "hi.mojo"], in: out)
    #expect(file.status == 0, "\(file.stderr)")
    #expect(try MojocProcess.tool(out.appendingPathComponent("hi").path, []).stdout == "hello\n")

    let clash = try MojocProcess.run(["build", "app"], in: folder)
    #expect(clash.status == 2)
    #expect(clash.stderr == "mojoc: error: cannot write the output to 'app': it is a directory (name the output with -o)\n")
  }

  @Test func profilingOptionsTakeSpaceSeparatedValues() throws {
    let (folder, app) = makeWorkspace()
    defer { try? FileManager.default.removeItem(at: folder) }
    let exe = folder.appendingPathComponent("exe").path
    let trace = folder.appendingPathComponent("t.json").path
    let spaced = try MojocProcess.run(["build", app.path, "-o", exe, "--time-trace", trace, "--timings", "html"])
    #expect(spaced.status == 0, "\(spaced.stderr)")
    #expect(try String(contentsOfFile: trace, encoding: .utf8).hasPrefix("{\"traceEvents\":["))
    #expect(try String(contentsOfFile: exe + ".timings.html", encoding: .utf8).contains("<html"))
    #expect(spaced.stderr.isEmpty)

    let page = folder.appendingPathComponent("p.html").path
    let joined = try MojocProcess.run(["build", app.path, "-o", exe, "--time-trace", "--timings=html:" + page])
    #expect(joined.status == 0, "\(joined.stderr)")
    #expect(FileManager.default.fileExists(atPath: exe + ".trace.json"))
    #expect(FileManager.default.fileExists(atPath: page))

    let text = try MojocProcess.run(["build", app.path, "-o", exe, "--timings"])
    #expect(text.status == 0)
    #expect(text.stderr.hasPrefix("mojoc timings: 1 modules"))
  }

  /// Without `-j`, one worker per core this process may use, counted as Foundation counts them
  /// (mojoc reads the affinity mask and cgroup quota itself).
  @Test func defaultWorkersAreTheAvailableCores() throws {
    let (folder, app) = makeWorkspace()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = try MojocProcess.run(["build", app.path, "-o", folder.appendingPathComponent("exe").path, "--timings"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.hasPrefix("mojoc timings: 1 modules, \(ProcessInfo.processInfo.activeProcessorCount) workers,"),
            "\(run.stderr.prefix(80))")
  }

  @Test func usageErrorsExit64WithASuggestion() throws {
    let typo = try MojocProcess.run(["build", "x", "--time-trce"])
    #expect(typo.status == 64)
    #expect(typo.stderr.hasPrefix("Error: Unknown option '--time-trce'. Did you mean '--time-trace'?\n"))
    let subcommand = try MojocProcess.run(["buidl", "x"])
    #expect(subcommand.status == 64)
    #expect(subcommand.stderr.hasPrefix("Error: Unknown subcommand 'buidl'. Did you mean 'build'?\n"), "\(subcommand.stderr)")
    let badLevel = try MojocProcess.run(["build", "x", "-O7"])
    #expect(badLevel.status == 64)
    #expect(badLevel.stderr.hasPrefix("Error: -O takes 0, 1, 2 or 3\n"))
  }

  /// A program with one warning: shown and counted by default, hidden by `-w`, an error (exit 1,
  /// nothing written) with `-Werror`; Mojo's spellings `--disable-warnings`/`--Werror` too.
  @Test func warningFlags() throws {
    let folder = Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let app = folder.appendingPathComponent("app")
    try FileManager.default.createDirectory(at: app, withIntermediateDirectories: true)
    try "def main():\n    var unused = 5\n    print(1)\n".write(to: app.appendingPathComponent("main.mojo"), atomically: true, encoding: .utf8)
    let exe = folder.appendingPathComponent("exe")
    let warning = "main.mojo:2:18: warning: assignment to 'unused' was never used; assign to '_' instead?\n"
      + "    var unused = 5\n                 ^\n1 warning generated.\n"
    let plain = try MojocProcess.run(["build", app.path, "-o", exe.path])
    #expect(plain.status == 0 && plain.stderr == app.path + "/" + warning)
    for flag in ["-w", "--disable-warnings"] {
      let quiet = try MojocProcess.run(["build", app.path, "-o", exe.path, flag])
      #expect(quiet.status == 0 && quiet.stderr.isEmpty, "\(flag): \(quiet.stderr)")
    }
    try? FileManager.default.removeItem(at: exe)
    for flag in ["-Werror", "--Werror"] {
      let strict = try MojocProcess.run(["build", app.path, "-o", exe.path, flag])
      #expect(strict.status == 1 && strict.stderr.hasSuffix("1 error generated.\n"), "\(flag): \(strict.stderr)")
      #expect(strict.stderr.contains("error: assignment to 'unused' was never used"))
      #expect(!FileManager.default.fileExists(atPath: exe.path))
    }
  }

  @Test func optimizationLevelWarnsWithCopyAndPatch() throws {
    let (folder, app) = makeWorkspace()
    defer { try? FileManager.default.removeItem(at: folder) }
    let exe = folder.appendingPathComponent("exe").path
    let cnp = try MojocProcess.run(["build", app.path, "-o", exe, "-O2"])
    #expect(cnp.status == 0)
    #expect(cnp.stderr == "mojoc: warning: -O2 has no effect with --backend cnp (copy-and-patch does not optimize)\n")
    let llvm = try MojocProcess.run(["build", app.path, "-o", exe, "-O2", "--backend", "llvm"])
    #expect(llvm.status == 0)
    #expect(llvm.stderr.isEmpty)
  }

  /// Each refused output: exit 2, one line naming the path and the reason, nothing written.
  @Test func outputsThatMustNotBeWrittenAreRefused() throws {
    let (folder, app) = makeWorkspace()
    defer { try? FileManager.default.removeItem(at: folder) }
    let source = app.appendingPathComponent("main.mojo").path
    let existing = folder.appendingPathComponent("existing").path
    _ = FileManager.default.createFile(atPath: existing, contents: Data("keep".utf8))
    let cases: [([String], String)] = [
      (["-o", source], "cannot write the output to '\(source)': it is a Mojo source file"),
      (["-o", "/dev/null"], "cannot write the output to '/dev/null': it is a device or other special file, not a regular file"),
      (["-o", folder.path], "cannot write the output to '\(folder.path)': it is a directory"),
      (["--emit", "obj", "-o", existing],
       "cannot write the output to '\(existing)': --emit obj writes one object per module into a folder, and this is not a folder"),
    ]
    for (arguments, message) in cases {
      let run = try MojocProcess.run(["build", app.path] + arguments)
      #expect(run.status == 2, "\(arguments)")
      #expect(run.stderr == "mojoc: error: \(message)\n")
    }
    #expect(try String(contentsOfFile: source, encoding: .utf8) == Self.hello["main.mojo"])
    #expect(try String(contentsOfFile: existing, encoding: .utf8) == "keep")

    // A source file without the .mojo extension is still never overwritten by its own default output.
    try FileManager.default.copyItem(atPath: source, toPath: folder.appendingPathComponent("prog").path)
    let overSource = try MojocProcess.run(["build", "prog"], in: folder)
    #expect(overSource.status == 2)
    #expect(overSource.stderr == "mojoc: error: cannot write the output to 'prog': it is the source file being compiled "
      + "(name the output with -o)\n")
    #expect(try String(contentsOfFile: folder.appendingPathComponent("prog").path, encoding: .utf8) == Self.hello["main.mojo"])
  }

  /// Diagnostics are painted only for a terminal (`script` gives mojoc one), and not when
  /// `NO_COLOR` is set or `TERM=dumb`; a pipe gets plain text.
  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
  func colourOnlyOnATerminal() throws {
    let folder = Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try "def main():\n    print(x)\n".write(to: folder.appendingPathComponent("bad.mojo"), atomically: true, encoding: .utf8)
    let build = "'\(MojocProcess.executable.path)' build bad.mojo -o exe"
    func onTerminal(_ environment: String) throws -> String {
      try MojocProcess.tool("/bin/sh", ["-c", "cd '\(folder.path)' && env -u NO_COLOR MOJOC_CACHE_DIR=cache \(environment) script -qec \"\(build)\" /dev/null"]).stdout
    }
    let esc = "\u{1B}["
    #expect(try onTerminal("TERM=xterm").contains("\(esc)1;31merror: \(esc)0m\(esc)1muse of unknown declaration 'x'"))
    for environment in ["TERM=xterm NO_COLOR=1", "TERM=dumb"] {
      let plain = try onTerminal(environment)
      #expect(plain.contains("bad.mojo:2:11: error: use of unknown declaration 'x'") && !plain.contains(esc), "\(environment)")
    }
    let piped = try MojocProcess.run(["build", "bad.mojo", "-o", "exe"], environment: ["TERM": "xterm"], in: folder)
    #expect(piped.status == 1 && piped.stderr.contains("bad.mojo:2:11: error: ") && !piped.stderr.contains(esc))
  }

  /// Names near NAME_MAX work: the temporary file of the atomic write is shortened.
  @Test(arguments: ["builtin", "auto"])
  func outputNamesOf240BytesWork(linker: String) throws {
    let (folder, app) = makeWorkspace()
    defer { try? FileManager.default.removeItem(at: folder) }
    for name in [String(repeating: "n", count: 240), String(repeating: "é", count: 120)] {
      let exe = folder.appendingPathComponent(name).path
      let run = try MojocProcess.run(["build", app.path, "-o", exe, "--linker", linker])
      #expect(run.status == 0, "\(run.stderr)")
      #expect(try MojocProcess.tool(exe, []).stdout == "hello\n")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }.isEmpty)
  }
}
