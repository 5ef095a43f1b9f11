//! Shared test helpers: where the package and its Corpus are, building a project in process
//! with the real driver, and running the executable it produced.
import Foundation
import ProcessKit
import MojoCodegen
import MojoDiagnostics
import MojoDriver

/// Locations inside the package, found from this file's path.
package enum Fixtures {
  /// The package root (the folder of Package.swift).
  package static let packageRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
      url.deleteLastPathComponent()
      if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
    }
    fatalError("Package.swift not found above \(#filePath)")
  }()

  /// `Corpus/` of the package.
  package static var corpus: URL { packageRoot.appendingPathComponent("Corpus") }

  /// The sub-folders of `folder` that hold a `main.mojo`, sorted by name.
  package static func projects(in folder: URL) -> [URL] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.sorted().map { folder.appendingPathComponent($0) }
      .filter { FileManager.default.fileExists(atPath: $0.appendingPathComponent("main.mojo").path) }
  }

  /// A fresh temporary folder, inside this test process's own root folder, which is removed when the
  /// process exits: a test that forgets its `defer` (or fails half-way) leaves nothing behind in /tmp.
  package static func temporaryFolder() -> URL {
    let url = temporaryRoot.appendingPathComponent(UUID().uuidString)
    try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// `mojoc-test-PID` in the system's temporary folder, created on first use and removed at exit.
  private static let temporaryRoot: URL = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("mojoc-test-\(getpid())")
    try? FileManager.default.removeItem(at: url)  // left by a crashed process that had this pid
    try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(at: Fixtures.temporaryRoot) }
    return url
  }()

  /// Writes a project from file name -> contents and returns its folder.
  package static func makeProject(_ files: [String: String]) -> URL {
    let root = temporaryFolder()
    for (name, text) in files {
      let url = root.appendingPathComponent(name)
      try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try! text.write(to: url, atomically: true, encoding: .utf8)
    }
    return root
  }
}

/// The result of building and running a program.
package struct ProgramRun: Sendable {
  package var status: Int32
  package var stdout: String
  package var stderr: String
}

/// Builds projects with the in-process driver and runs what they produce.
package enum Harness {
  /// Builds `project` to an executable; returns the rendered diagnostics if the build fails.
  package static func build(_ project: URL, backend: BackendKind, optimization: OptimizationLevel = .o0,
                            output: URL, jobs: Int = 2, linker: LinkerChoice = .builtin) throws -> [Diagnostic] {
    let options = BuildOptions(input: project.path, output: output.path, backend: backend, optimization: optimization,
                               emit: .exe, jobs: jobs, linker: linker, verifyIR: true)
    return try BuildRunner(options: options).run().diagnostics
  }

  /// Runs an executable with no input and returns its status and output.
  package static func run(_ executable: URL) throws -> ProgramRun {
    let scratch = Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let run = try Launch.run([executable.path], scratch: scratch)
    return ProgramRun(status: run.status, stdout: run.stdout, stderr: run.stderr)
  }

  /// Builds and runs `project`; the program's output, or the first diagnostic as an error.
  package static func buildAndRun(_ project: URL, backend: BackendKind, optimization: OptimizationLevel = .o0,
                                  linker: LinkerChoice = .builtin) throws -> ProgramRun {
    let folder = Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let exe = folder.appendingPathComponent("program")
    let diagnostics = try build(project, backend: backend, optimization: optimization, output: exe, linker: linker)
    if let error = diagnostics.first(where: { $0.severity == .error }) {
      return ProgramRun(status: -1, stdout: "", stderr: DiagnosticRenderer.render(error))
    }
    return try run(exe)
  }
}

/// Starting a program from a test: ProcessKit's launcher (Foundation's `Process` polls for the
/// child's exit on Linux, which cost tens of milliseconds per program the suite runs).
package enum Launch {
  /// What a program did: its status (128 + signal when killed) and both output streams.
  package struct Outcome {
    package var status: Int32
    package var stdout: String
    package var stderr: String
  }

  /// Runs `arguments` with no input, its outputs going through files in `scratch` (so neither
  /// stream can block the other); `environment` is added to this process's own.
  package static func run(_ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil,
                          scratch: URL) throws -> Outcome {
    let out = scratch.appendingPathComponent("stdout").path, err = scratch.appendingPathComponent("stderr").path
    var process = ChildProcess(arguments, standardOutput: .file(out), standardError: .file(err))
    if !environment.isEmpty { process.environment = ChildProcess.currentEnvironment.merging(environment) { $1 } }
    process.workingDirectory = directory?.path
    var attempt = 0
    while true {
      let result: ChildProcessResult
      do {
        result = try process.run()
      } catch {
        // Another test thread that forked a child (a compiler, a program) between our writing
        // the executable and running it holds a copy of the write descriptor until that child
        // execs, a window of microseconds; exec fails with ETXTBSY meanwhile.
        guard error.code == ETXTBSY && attempt < 50 else { throw error }
        attempt += 1
        usleep(20_000)
        continue
      }
      return Outcome(status: result.status,
                     stdout: String(decoding: FileManager.default.contents(atPath: out) ?? Data(), as: UTF8.self),
                     stderr: String(decoding: FileManager.default.contents(atPath: err) ?? Data(), as: UTF8.self))
    }
  }

  /// Runs `tool` (a path, or a name looked up on PATH: `cc`, `readelf`) with `arguments` in
  /// `directory`, its outputs going through files in a scratch folder of its own.
  package static func tool(_ tool: String, _ arguments: [String], in directory: URL? = nil) throws -> Outcome {
    let path = ChildProcess.find(tool) ?? tool  // not found: the launch fails with ENOENT
    let scratch = Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: scratch) }
    return try run([path] + arguments, in: directory, scratch: scratch)
  }
}
