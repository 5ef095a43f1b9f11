//! `mojoc build <project-folder | file.mojo> [-o exe] [--backend cnp|llvm] [-O0..-O3]
//! [--emit ir|llvm-ir|obj|exe] [-j N] [--linker builtin|auto|lld|mold|gold|bfd] [--time-trace [FILE]]
//! [--time-trace-granularity US] [--timings [text|html[:FILE]]]`. Without `-o` the executable is
//! named after the project folder or the file. Exit status: 0, 1 (errors in the program), 2
//! (environment), 64 (usage, from ArgumentParser).
import ArgumentParser
import Foundation
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
    var backend: BackendKind = .cnp

    @Option(name: .customShort("O", allowingJoined: true), help: "LLVM optimization level 0-3 (-O0 ... -O3).")
    var optimization: Int?

    @Option(help: "What to write: exe, obj, ir, llvm-ir.")
    var emit: EmitKind = .exe

    @Option(name: .customShort("j", allowingJoined: true), help: "Worker threads (default: all cores).")
    var jobs: Int?

    @Option(help: "Linker: builtin (in process), auto (fastest installed system linker), lld, mold, gold, bfd.")
    var linker: LinkerChoice = .builtin

    @Flag(help: "Run the IR verifier after lowering.")
    var verifyIR = false

    @Option(help: "Leave nested spans shorter than this many microseconds out of --time-trace.")
    var timeTraceGranularity: Int = 500

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
    }

    func run() throws {
      if let optimization, backend == .cnp {
        FileHandle.standardError.write(Data(
          "mojoc: warning: -O\(optimization) has no effect with --backend cnp (copy-and-patch does not optimize)\n".utf8))
      }
      let options = BuildOptions(
        input: input, output: output, backend: backend, optimization: OptimizationLevel(rawValue: optimization ?? 0)!,
        emit: emit, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, linker: linker, verifyIR: verifyIR,
        profiling: profiling, llvmLibrary: ProcessInfo.processInfo.environment["MOJOC_LLVM_LIBRARY"])
      // The progress line is for people watching a terminal, never for logs or pipes.
      let progress = isatty(2) != 0 ? ProgressLine() : nil
      let result: BuildResult
      do {
        result = try CompilePlan(options: options, progress: progress).run()
      } catch let error as DriverError {
        FileHandle.standardError.write(Data("mojoc: error: \(error)\n".utf8))
        throw ExitCode(2)
      }
      if !result.diagnostics.isEmpty {
        var text = ""
        for d in result.diagnostics { text += DiagnosticRenderer.render(d) }
        FileHandle.standardError.write(Data(text.utf8))
      }
      if let timings = result.timingsText { FileHandle.standardError.write(Data(timings.utf8)) }
      if result.hasErrors { throw ExitCode(1) }
      if let text = result.text { FileHandle.standardOutput.write(Data(text.utf8)) }
    }
  }
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
