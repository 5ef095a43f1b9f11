//! The backend comparison: builds each project with each backend by spawning mojoc, with
//! repetitions interleaved (A B C A B C ...) so that drift in machine load hits every backend
//! alike; runs each produced program and hashes its output; measures object sizes once.
//! Per-phase times come from the Chrome trace of `mojoc build --time-trace` (read by
//! `PhaseTimings.swift`). C compilers (`--vs-c`) build the project's C equivalent
//! (`corpus generate --emit-c`, found in the sibling folder `<project>-c`) in the same rounds.
import FoundationEssentials
import Glibc
import MojoProfiling
import ProcessKit

/// One backend configuration: a name for tables and the `mojoc build` arguments it means, or a
/// C compiler command that builds the project's C equivalent.
public struct BenchBackend: Sendable, Hashable {
  public var name: String
  public var arguments: [String]
  /// For a C compiler: the tool and its flags (before the sources); nil for a mojoc backend.
  public var cCompiler: [String]?

  public init(name: String, arguments: [String], cCompiler: [String]? = nil) {
    self.name = name
    self.arguments = arguments
    self.cCompiler = cCompiler
  }

  /// Parses a C compiler: `tcc`, or `gcc-O0` ... `gcc-O3`, `clang-O0` ... `clang-O3` (`clang`
  /// falls back to `clang-19` when no plain `clang` is installed).
  public static func parseC(_ text: String) throws -> BenchBackend {
    if text == "tcc" { return BenchBackend(name: "tcc", arguments: [], cCompiler: ["tcc"] + CProgram.linkFlags) }
    for tool in ["gcc", "clang"] where text.hasPrefix(tool + "-O") {
      if let level = Int(text.dropFirst(tool.count + 2)), (0...3).contains(level) {
        let command = tool == "clang" && ChildProcess.find("clang") == nil ? "clang-19" : tool
        return BenchBackend(name: text, arguments: [], cCompiler: [command, "-O\(level)"] + CProgram.linkFlags)
      }
    }
    throw CorpusError.badArgument("unknown C compiler '\(text)' (use tcc, gcc-O0 ... gcc-O3, clang-O0 ... clang-O3)")
  }

  /// Parses `cnp`, `llvm` (= `llvm-O0`) or `llvm-O0` ... `llvm-O3`.
  public static func parse(_ text: String) throws -> BenchBackend {
    switch text {
    case "cnp": return BenchBackend(name: "cnp", arguments: ["--backend", "cnp"])
    case "llvm": return BenchBackend(name: "llvm-O0", arguments: ["--backend", "llvm", "-O0"])
    default:
      if text.hasPrefix("llvm-O"), let level = Int(text.dropFirst(6)), (0...3).contains(level) {
        return BenchBackend(name: text, arguments: ["--backend", "llvm", "-O\(level)"])
      }
      throw CorpusError.badArgument("unknown backend '\(text)' (use cnp, llvm-O0 ... llvm-O3)")
    }
  }
}

/// What to compare.
public struct BenchOptions: Sendable {
  /// The mojoc executable to spawn.
  public var compiler: String
  public var projects: [String]
  public var backends: [BenchBackend]
  public var repeats: Int
  /// `-j` for every build.
  public var jobs: Int
  /// Seconds after which a build or a program run is killed.
  public var timeout: Double
  /// Also build with `--emit obj` once per backend to measure object sizes.
  public var measureObjects: Bool

  public init(compiler: String, projects: [String], backends: [BenchBackend], repeats: Int = 3, jobs: Int = 2,
              timeout: Double = 1800, measureObjects: Bool = true) {
    self.compiler = compiler
    self.projects = projects
    self.backends = backends
    self.repeats = max(1, repeats)
    self.jobs = jobs
    self.timeout = timeout
    self.measureObjects = measureObjects
  }
}

/// One build of one project with one backend, and one run of what it produced.
public struct BenchSample: Sendable {
  public var build: ChildProcessResult
  public var phases: [PhaseTiming]
  public var run: ChildProcessResult?
  /// FNV-1a 64 of the program's stdout followed by its exit status.
  public var outputHash: UInt64?

  public init(build: ChildProcessResult, phases: [PhaseTiming], run: ChildProcessResult?, outputHash: UInt64?) {
    self.build = build
    self.phases = phases
    self.run = run
    self.outputHash = outputHash
  }
}

/// All samples of one backend on one project.
public struct BackendResult: Sendable {
  public var backend: BenchBackend
  public var samples: [BenchSample] = []
  public var executableBytes: Int?
  public var objectBytes: Int?
  /// Why this backend has no (complete) numbers: a failed or timed-out build or run.
  public var failure: String?

  public init(backend: BenchBackend) { self.backend = backend }
}

/// One project's comparison.
public struct ProjectResult: Sendable {
  public var path: String
  public var lines: Int
  public var files: Int
  public var backends: [BackendResult]

  public init(path: String, lines: Int, files: Int, backends: [BackendResult]) {
    self.path = path
    self.lines = lines
    self.files = files
    self.backends = backends
  }

  /// True when every backend built, ran, and printed the same bytes with the same status.
  public var outputsAgree: Bool {
    let hashes = backends.flatMap { $0.samples.map(\.outputHash) }
    guard backends.allSatisfy({ $0.failure == nil && !$0.samples.isEmpty }), let first = hashes.first, first != nil
    else { return false }
    return hashes.allSatisfy { $0 == first }
  }
}

/// Runs the comparison.
public struct BenchRunner {
  public let options: BenchOptions
  /// Receives one line per finished step (for a progress display on stderr).
  public var progress: (String) -> Void = { _ in }

  public init(options: BenchOptions) { self.options = options }

  public func run() throws -> [ProjectResult] {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("mojoc-bench-\(getpid())")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    var results: [ProjectResult] = []
    for project in options.projects {
      let (lines, files) = SourceCount.count(project)
      var backends = options.backends.map { BackendResult(backend: $0) }
      for repetition in 0..<options.repeats {
        for index in backends.indices where backends[index].failure == nil {
          sample(project, into: &backends[index], scratch: scratch)
          if let s = backends[index].samples.last {
            progress("\(project) [\(repetition + 1)/\(options.repeats)] \(backends[index].backend.name): build "
              + s.build.wallSeconds.fixed(3) + " s"
              + (s.run.map { ", run " + $0.wallSeconds.fixed(3) + " s" } ?? ""))
          } else if let failure = backends[index].failure {
            progress("\(project) \(backends[index].backend.name): \(failure)")
          }
        }
      }
      if options.measureObjects {
        for index in backends.indices where backends[index].failure == nil && backends[index].backend.cCompiler == nil {
          backends[index].objectBytes = objectSize(project, backend: backends[index].backend, scratch: scratch)
        }
      }
      results.append(ProjectResult(path: project, lines: lines, files: files, backends: backends))
    }
    return results
  }

  /// Runs `arguments` within the time limit of the options.
  func measure(_ arguments: [String], standardOutput: ChildProcess.Output = .null,
               standardError: ChildProcess.Output = .null) throws -> ChildProcessResult {
    var process = ChildProcess(arguments, standardOutput: standardOutput, standardError: standardError)
    process.timeLimit = options.timeout
    return try process.run()
  }

  /// The folder of the C equivalent of `project`: `<project>-c`.
  public static func cFolder(of project: String) -> String {
    (project.hasSuffix("/") ? String(project.dropLast()) : project) + "-c"
  }

  /// The command that builds `project` with `backend` into `exe`; for mojoc it writes its trace
  /// to `trace`.
  func buildCommand(_ project: String, backend: BenchBackend, exe: String, trace: String) throws -> [String] {
    guard let compiler = backend.cCompiler else {
      return [options.compiler, "build", project, "-o", exe, "-j\(options.jobs)", "--time-trace=\(trace)",
              "--time-trace-granularity", "0"] + backend.arguments
    }
    let folder = BenchRunner.cFolder(of: project)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    let sources = names.filter { $0.hasSuffix(".c") }.sorted().map { "\(folder)/\($0)" }
    guard !sources.isEmpty, names.contains("mojo_runtime.o") else {
      throw CorpusError.badArgument("no C equivalent in \(folder) (write it with corpus generate --emit-c \(folder))")
    }
    guard let tool = ChildProcess.find(compiler[0]) else { throw CorpusError.badArgument("\(compiler[0]) not found") }
    return [tool] + compiler.dropFirst() + sources + ["\(folder)/mojo_runtime.o", "-o", exe]
  }

  /// One timed build and one timed run; records a failure instead of a sample if either fails.
  func sample(_ project: String, into result: inout BackendResult, scratch: URL) {
    let name = result.backend.name
    let exe = scratch.appendingPathComponent("program-\(name)").path
    let errors = scratch.appendingPathComponent("build-\(name).stderr").path
    let trace = scratch.appendingPathComponent("trace-\(name).json").path
    do {
      try? FileManager.default.removeItem(atPath: trace)
      let arguments = try buildCommand(project, backend: result.backend, exe: exe, trace: trace)
      let build = try measure(arguments, standardError: .file(errors))
      let errorText = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
      if build.timedOut || build.status != 0 {
        result.failure = build.timedOut
          ? "build timed out after \(options.timeout.fixed(0)) s"
          : "build failed (status \(build.status)): " + errorText.split(separator: "\n").prefix(3).joined(separator: " | ")
        return
      }
      result.executableBytes = (try? FileManager.default.attributesOfItem(atPath: exe)[.size] as? Int) ?? nil
      let outputPath = scratch.appendingPathComponent("output-\(name).txt").path
      let run = try measure([exe], standardOutput: .file(outputPath))
      if run.timedOut {
        result.failure = "program timed out"
        return
      }
      let bytes = FileManager.default.contents(atPath: outputPath) ?? Data()
      var hash: UInt64 = 0xCBF2_9CE4_8422_2325
      for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
      hash = (hash ^ UInt64(UInt32(bitPattern: run.status))) &* 0x100_0000_01B3
      result.samples.append(BenchSample(build: build, phases: PhaseTimings.fromTrace(path: trace), run: run,
                                        outputHash: hash))
      // Generated programs always exit 0; a crash is reported even if every backend crashes alike.
      if run.status != 0 { result.failure = "program exited with status \(run.status)" }
    } catch {
      result.failure = "\(error)"
    }
  }

  /// Total bytes of the objects `--emit obj` writes, or nil if that build fails.
  func objectSize(_ project: String, backend: BenchBackend, scratch: URL) -> Int? {
    let folder = scratch.appendingPathComponent("objects-\(backend.name)")
    try? FileManager.default.removeItem(at: folder)
    let arguments = [options.compiler, "build", project, "--emit", "obj", "-o", folder.path, "-j\(options.jobs)"]
      + backend.arguments
    guard let build = try? measure(arguments),
      build.status == 0, !build.timedOut,
      let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
    else { return nil }
    defer { try? FileManager.default.removeItem(at: folder) }
    return names.reduce(0) { total, name in
      let size = (try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)[.size]) as? Int
      return total + (size ?? 0)
    }
  }
}

/// Counting a project's source.
enum SourceCount {
  /// Lines and files of every `.mojo` file under `folder` (or of `folder` itself if a file).
  static func count(_ folder: String) -> (lines: Int, files: Int) {
    var paths: [String] = []
    if folder.hasSuffix(".mojo") {
      paths = [folder]
    } else if let relatives = try? FileManager.default.subpathsOfDirectory(atPath: folder) {
      paths = relatives.filter { $0.hasSuffix(".mojo") }.sorted().map { folder + "/" + $0 }
    }
    var lines = 0
    for path in paths {
      guard let data = FileManager.default.contents(atPath: path) else { continue }
      lines += data.withUnsafeBytes { raw in raw.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
    }
    return (lines, paths.count)
  }
}
