//! `mojoc build <project-folder | file.mojo> [-o exe] [--backend cnp|llvm] [-O0..-O3]
//! [--emit ir|llvm-ir|obj|exe] [-j N] [--linker builtin|auto|lld|mold|gold|bfd] [--time-trace [FILE]]
//! [--time-trace-granularity US] [--timings [text|html[:FILE]]]`. Without `-o` the executable is
//! named after the project folder or the file. Exit status: 0, 1 (errors in the program), 2
//! (environment), 64 (usage, from ArgumentParser).
import ArgumentParser
import FoundationEssentials
import Glibc
import MojoCodegen
import MojoDiagnostics
import MojoDriver

extension BackendKind: ExpressibleByArgument {}
extension EmitKind: ExpressibleByArgument {}
extension LinkerChoice: ExpressibleByArgument {}

extension Mojoc {
  struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: "Compile a Mojo project to a native executable.")

    @Argument(help: "A project folder holding main.mojo, or a single .mojo file.")
    var input: String

    @Option(name: .short, help: "Output path (executable, text file, or folder for --emit obj).")
    var output: String?

    @Option(help: "Code generator: cnp (copy-and-patch) or llvm.")
    var backend: BackendKind = Mojoc.defaultBackend

    @Option(name: .customShort("O", allowingJoined: true), help: "LLVM optimization level 0-3 (-O0 ... -O3).")
    var optimization: Int?

    @Option(help: "What to write: exe, obj, ir, llvm-ir.")
    var emit: EmitKind = Mojoc.defaultEmit

    @Option(name: .customShort("j", allowingJoined: true), help: "Worker threads (default: all cores).")
    var jobs: Int?

    @Option(help: "Linker: builtin (in process), auto (fastest installed system linker), lld, mold, gold, bfd.")
    var linker: LinkerChoice = Mojoc.defaultLinker

    @Flag(help: "Run the IR verifier after lowering.")
    var verifyIR = false

    @OptionGroup var warningFlags: WarningFlags

    @Flag(inversion: .prefixedNo, help: ArgumentHelp(
      "Serve unchanged modules' objects from the action cache and store new ones ($MOJOC_CACHE_DIR, else "
        + "$XDG_CACHE_HOME/mojoc)."))
    var cache = Mojoc.defaultCache

    @Option(help: ArgumentHelp("Write every action of the build (argv, inputs with digests, outputs) as JSON to <file>.",
                               valueName: "file"))
    var emitActions: String?

    @Option(help: ArgumentHelp("With --emit obj, write the object of this module only (one compile action).",
                               valueName: "name"))
    var module: String?

    @Flag(help: ArgumentHelp("With --module, check that module's bodies only (the others may be declarations only).",
                             visibility: .hidden))
    var onlyModuleBodies = false

    @OptionGroup var remoteFlags: RemoteFlags

    @Option(help: "Leave nested spans shorter than this many microseconds out of --time-trace.")
    var timeTraceGranularity: Int = Mojoc.defaultGranularity

    @Option(defaultAsFlag: ReportFile.besideOutput, parsing: .next, help: ArgumentHelp(
      "Write a Chrome trace (Perfetto, chrome://tracing) to <file>, or without a value beside the output.",
      valueName: "file"))
    var timeTrace: ReportFile?

    @Option(defaultAsFlag: TimingsFormat.text, parsing: .next, help: ArgumentHelp(
      "Report time per phase: text (the default) prints a table on stderr; html[:<file>] writes a page "
        + "(default <output>.timings.html).",
      valueName: "format"))
    var timings: TimingsFormat?

    /// The profiling options spelled by `--time-trace`, `--timings` and the granularity.
    var profiling: ProfilingOptions {
      var options = ProfilingOptions(granularityMicroseconds: timeTraceGranularity)
      options.timeTrace = timeTrace?.destination
      switch timings {
      case .text: options.timingsText = true
      case .html(let destination): options.timingsHTML = destination
      case nil: break
      }
      return options
    }

    func validate() throws {
      if let optimization, !(0...3).contains(optimization) { throw ValidationError("-O takes 0, 1, 2 or 3") }
      if let jobs, jobs < 1 { throw ValidationError("-j needs at least 1 worker") }
      if emit == .llvmIR && backend != .llvm { throw ValidationError("--emit llvm-ir needs --backend llvm") }
      if timeTraceGranularity < 0 { throw ValidationError("--time-trace-granularity cannot be negative") }
      if module != nil && emit != .obj { throw ValidationError("--module needs --emit obj") }
      if onlyModuleBodies && module == nil { throw ValidationError("--only-module-bodies needs --module") }
      try remoteFlags.validate()
    }

    func run() throws {
      var options = Mojoc.buildOptions(
        input: input, output: output, backend: backend, optimization: optimization, emit: emit, jobs: jobs,
        linker: linker, verifyIR: verifyIR, profiling: profiling,
        warnings: warningFlags.policy, cache: cache)
      options.actionsFile = emitActions
      options.onlyModule = module
      options.onlyModuleBodies = onlyModuleBodies
      options.remote = try remoteFlags.options()
      try Mojoc.build(options, optimizationFlag: optimization)
    }
  }

  /// The defaults of `build` and `run`, shared by their ArgumentParser declarations and the
  /// fast path (`FastCommandLine.swift`).
  static let defaultBackend = BackendKind.cnp
  static let defaultEmit = EmitKind.exe
  static let defaultLinker = LinkerChoice.builtin
  static let defaultGranularity = 500
  /// Whether `build` uses the action cache without `--cache` or `--no-cache`.
  static let defaultCache = false

  /// The driver's options for `build` and `run` from their parsed command line.
  static func buildOptions(
    input: String, output: String?, backend: BackendKind, optimization: Int?, emit: EmitKind, jobs: Int?,
    linker: LinkerChoice, verifyIR: Bool, profiling: ProfilingOptions, warnings: WarningPolicy = .report,
    cache: Bool = false
  ) -> BuildOptions {
    var options = BuildOptions(
      input: input, output: output, backend: backend, optimization: OptimizationLevel(rawValue: optimization ?? 0)!,
      emit: emit, jobs: jobs ?? availableCores(), linker: linker, verifyIR: verifyIR,
      profiling: profiling, llvmLibrary: getenv("MOJOC_LLVM_LIBRARY").map { String(cString: $0) })
    options.warnings = warnings
    if cache { options.cache = ActionCache.fromEnvironment() }
    return options
  }

  /// The cores this process may use: its CPU affinity mask (`Cpus_allowed` in
  /// /proc/self/status; Swift's Glibc module has no `sched_getaffinity`), capped by a cgroup CPU
  /// quota (v2 `cpu.max`, v1 `cpu.cfs_quota_us` over `cpu.cfs_period_us`, rounded up), as
  /// Foundation's `activeProcessorCount` counts them. Read directly: ProcessInfo (with the
  /// environment dictionary) cost a build of hello 1.1 M instructions.
  static func availableCores() -> Int {
    /// The text of a small file, or nil when it cannot be read.
    func contents(_ path: String) -> String? {
      let fd = open(path, O_RDONLY)
      guard fd >= 0 else { return nil }
      defer { close(fd) }
      var bytes: [UInt8] = []
      var buffer = [UInt8](repeating: 0, count: 4096)
      while true {
        let length = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard length > 0 else { break }
        bytes += buffer[..<length]
      }
      return String(decoding: bytes, as: UTF8.self)
    }
    func numbers(_ path: String) -> [Int]? {
      contents(path)?.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { Int($0) ?? -1 }
    }
    var count = 0
    if let status = contents("/proc/self/status"),
       let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Cpus_allowed:") }) {
      for digit in line.dropFirst("Cpus_allowed:".count) { count += Int(String(digit), radix: 16)?.nonzeroBitCount ?? 0 }
    }
    if count == 0 { count = sysconf(Int32(_SC_NPROCESSORS_ONLN)) }
    var quota = -1, period = 0
    if let v2 = numbers("/sys/fs/cgroup/cpu.max"), v2.count == 2 {
      (quota, period) = (v2[0], v2[1])  // "max 100000" reads as -1
    } else if let v1 = numbers("/sys/fs/cgroup/cpu/cpu.cfs_quota_us"), let p = numbers("/sys/fs/cgroup/cpu/cpu.cfs_period_us"),
              v1.count == 1, p.count == 1 {
      (quota, period) = (v1[0], p[0])
    }
    if quota > 0 && period > 0 { count = min(count, (quota + period - 1) / period) }
    return max(1, count)
  }

  /// `mojoc build` once its options are known (whichever parser read them): compile, print the
  /// diagnostics and timings, write text output to stdout; exit 1 for errors in the program, 2
  /// when the environment fails.
  static func build(_ options: BuildOptions, optimizationFlag: Int?) throws {
    let result = try compile(options, optimizationFlag: optimizationFlag)
    if let text = result.text { StandardStreams.output(text) }
  }

  /// Compiles (and for `run`, runs) as `options` say, printing the `-O` warning, diagnostics and
  /// timings on stderr; throws exit 1 for errors in the program, 2 when the environment fails.
  static func compile(_ options: BuildOptions, optimizationFlag: Int?) throws -> BuildResult {
    if let optimization = optimizationFlag, options.backend == .cnp {
      StandardStreams.error("mojoc: warning: -O\(optimization) has no effect with --backend cnp (copy-and-patch does not optimize)\n")
    }
    InterruptCleanup.install()
    // The progress line is for people watching a terminal, never for logs or pipes.
    let progress = isatty(2) != 0 ? ProgressLine() : nil
    let result: BuildResult
    do {
      result = try BuildRunner(options: options, progress: progress).run()
    } catch let error as DriverError {
      StandardStreams.error("mojoc: error: \(error)\n")
      throw ExitCode(2)
    }
    for message in result.messages { StandardStreams.error(message + "\n") }
    if !result.diagnostics.isEmpty {
      let text = DiagnosticRenderer.render(result.diagnostics, style: .forStandardError)
      StandardStreams.error(text)
    }
    if let timings = result.timingsText { StandardStreams.error(timings) }
    if result.hasErrors { throw ExitCode(1) }
    return result
  }
}

/// `-w` and `-Werror` (Mojo's `--disable-warnings` and `--Werror`), shared by `build` and `run`.
struct WarningFlags: ParsableArguments {
  @Flag(name: [.customShort("w"), .customLong("disable-warnings")], help: "Do not print warnings.")
  var disableWarnings = false

  @Flag(name: [.customLong("Werror", withSingleDash: true), .customLong("Werror")], help: "Treat warnings as errors.")
  var warningsAsErrors = false

  var policy: WarningPolicy { WarningPolicy(disabled: disableWarnings, asErrors: warningsAsErrors) }
}

/// The value of `--time-trace`: a file, or beside the output when given without one.
struct ReportFile: ExpressibleByArgument, CustomStringConvertible {
  var destination: ReportDestination

  static let besideOutput = ReportFile(destination: .besideOutput)

  init(destination: ReportDestination) { self.destination = destination }

  init?(argument: String) {
    destination = argument.isEmpty ? .besideOutput : .file(argument)
  }

  var description: String {
    switch destination {
    case .besideOutput: "<output>.trace.json"
    case .file(let path): path
    }
  }
}

/// The value of `--timings`: `text`, `html` or `html:<file>`.
enum TimingsFormat: ExpressibleByArgument, CustomStringConvertible {
  case text
  case html(ReportDestination)

  init?(argument: String) {
    if argument == "text" {
      self = .text
    } else if argument == "html" || argument == "html:" {
      self = .html(.besideOutput)
    } else if argument.hasPrefix("html:") {
      self = .html(.file(String(argument.dropFirst("html:".count))))
    } else {
      return nil
    }
  }

  static var allValueStrings: [String] { ["text", "html", "html:<file>"] }

  var description: String {
    switch self {
    case .text: "text"
    case .html(.besideOutput): "html"
    case .html(.file(let path)): "html:\(path)"
    }
  }
}
