//! `mojoc build <project-folder | file.mojo> [-o exe] [--backend cnp|llvm] [-O0..-O3]
//! [--emit ir|llvm-ir|obj|exe] [-j N] [--linker builtin|auto|lld|mold|gold|bfd] [--time-trace[=FILE]]
//! [--time-trace-granularity US] [--timings[=html[:FILE]]]`.
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
    var optimization: Int = 0

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

    // `--time-trace[=FILE]` and `--timings[=html[:FILE]]` take an optional value, which
    // ArgumentParser options cannot; they arrive here unparsed and `profiling()` reads them.
    @Argument(parsing: .allUnrecognized, help: ArgumentHelp(
      "--time-trace[=FILE]: Chrome trace JSON (default <output>.trace.json). "
        + "--timings: phase table on stderr; --timings=html[:FILE]: HTML report (default <output>.timings.html).",
      valueName: "profiling-flags"))
    var profilingFlags: [String] = []

    /// The profiling options spelled by `profilingFlags`.
    func profiling() throws -> ProfilingOptions {
      var options = ProfilingOptions(granularityMicroseconds: timeTraceGranularity)
      for flag in profilingFlags {
        if flag == "--time-trace" {
          options.timeTrace = .besideOutput
        } else if flag.hasPrefix("--time-trace=") {
          let file = String(flag.dropFirst("--time-trace=".count))
          options.timeTrace = file.isEmpty ? .besideOutput : .file(file)
        } else if flag == "--timings" || flag == "--timings=text" {
          options.timingsText = true
        } else if flag == "--timings=html" {
          options.timingsHTML = .besideOutput
        } else if flag.hasPrefix("--timings=html:") {
          let file = String(flag.dropFirst("--timings=html:".count))
          options.timingsHTML = file.isEmpty ? .besideOutput : .file(file)
        } else {
          throw ValidationError("unknown option or extra argument '\(flag)'")
        }
      }
      return options
    }

    func validate() throws {
      guard (0...3).contains(optimization) else { throw ValidationError("-O takes 0, 1, 2 or 3") }
      if let jobs, jobs < 1 { throw ValidationError("-j needs at least 1 worker") }
      if emit == .llvmIR && backend != .llvm { throw ValidationError("--emit llvm-ir needs --backend llvm") }
      if timeTraceGranularity < 0 { throw ValidationError("--time-trace-granularity cannot be negative") }
      _ = try profiling()
    }

    func run() throws {
      let options = BuildOptions(
        input: input, output: output, backend: backend, optimization: OptimizationLevel(rawValue: optimization)!,
        emit: emit, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, linker: linker, verifyIR: verifyIR,
        profiling: try profiling(), llvmLibrary: ProcessInfo.processInfo.environment["MOJOC_LLVM_LIBRARY"])
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
