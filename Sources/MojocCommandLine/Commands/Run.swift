//! `mojoc run <project-folder | file.mojo | file.ir> [--backend cnp|llvm|interp] [-O0..-O3] [-j N] [--verify-ir]
//! [--time-trace [FILE]] [--time-trace-granularity US] [--timings [text|html[:FILE]]]
//! [-- program arguments]`: checks and compiles as `build` does, then links the objects into
//! mojoc's own memory and runs `main` there (MojoDriver `InProcessProgram`): no object file, no
//! executable, no child process. The program's output, exit status and run-time errors are the
//! built executable's. `--backend interp` interprets the IR instead (MojoInterpreter), with the same
//! output, traps and status. A `.ir` file (the text of `build --emit ir`) skips the front end.
//! Arguments after `--` belong to the program and are never parsed here.
//! Exit status: the program's; 1 (errors in the program), 2 (environment), 64 (usage).
import ArgumentParser
import FoundationEssentials
import Glibc
import MojoCodegen
import MojoDiagnostics
import MojoDriver

extension Mojoc {
  struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "run", abstract: "Compile a Mojo project into memory and run it, without writing any file.")

    @Argument(help: "A project folder holding main.mojo, a single .mojo file, or an .ir file.")
    var input: String

    @Option(help: "Code generator: cnp (copy-and-patch) or llvm; or interp, the IR interpreter.")
    var backend: RunBackend = RunBackend(rawValue: Mojoc.defaultBackend.rawValue)!

    @Option(name: .customShort("O", allowingJoined: true), help: "LLVM optimization level 0-3 (-O0 ... -O3).")
    var optimization: Int?

    @Option(name: .customShort("j", allowingJoined: true), help: "Worker threads (default: all cores).")
    var jobs: Int?

    @Flag(help: "Run the IR verifier after lowering.")
    var verifyIR = false

    @OptionGroup var warningFlags: WarningFlags

    @Option(help: "Leave nested spans shorter than this many microseconds out of --time-trace.")
    var timeTraceGranularity: Int = Mojoc.defaultGranularity

    @Option(defaultAsFlag: ReportFile.besideOutput, parsing: .next, help: ArgumentHelp(
      "Write a Chrome trace to <file>, or without a value to <project>.trace.json.", valueName: "file"))
    var timeTrace: ReportFile?

    @Option(defaultAsFlag: TimingsFormat.text, parsing: .next, help: ArgumentHelp(
      "Report time per phase, the program's run included: text (the default) prints a table on stderr; "
        + "html[:<file>] writes a page.",
      valueName: "format"))
    var timings: TimingsFormat?

    @Argument(parsing: .postTerminator, help: "Arguments for the program, after '--'.")
    var programArguments: [String] = []

    func validate() throws {
      if let optimization, !(0...3).contains(optimization) { throw ValidationError("-O takes 0, 1, 2 or 3") }
      if let jobs, jobs < 1 { throw ValidationError("-j needs at least 1 worker") }
      if timeTraceGranularity < 0 { throw ValidationError("--time-trace-granularity cannot be negative") }
    }

    func run() throws {
      var profiling = ProfilingOptions(granularityMicroseconds: timeTraceGranularity)
      profiling.timeTrace = timeTrace?.destination
      switch timings {
      case .text: profiling.timingsText = true
      case .html(let destination): profiling.timingsHTML = destination
      case nil: break
      }
      var options = Mojoc.buildOptions(
        input: input, output: nil, backend: backend.codeGenerator ?? Mojoc.defaultBackend, optimization: optimization,
        emit: .exe, jobs: jobs, linker: Mojoc.defaultLinker, verifyIR: verifyIR, profiling: profiling,
        warnings: warningFlags.policy)
      options.interprets = backend == .interp
      try Mojoc.runInProcess(options, optimizationFlag: optimization)
    }
  }

  /// What `mojoc run --backend` accepts: a code generator, or the interpreter.
  enum RunBackend: String, ExpressibleByArgument, CaseIterable {
    case cnp, llvm, interp

    /// The code generator, or nil for the interpreter.
    var codeGenerator: BackendKind? { BackendKind(rawValue: rawValue) }
  }

  /// `mojoc run` once its options are known (whichever parser read them): compile as `build`
  /// does, run the program in process, end with its exit status.
  static func runInProcess(_ options: BuildOptions, optimizationFlag: Int?) throws {
    var options = options
    options.runsInProcess = true
    let result = try compile(options, optimizationFlag: optimizationFlag)
    if let status = result.exitStatus, status != 0 { throw ExitCode(status) }
  }
}
