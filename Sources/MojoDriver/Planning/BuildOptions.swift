//! What a build was asked to do: inputs, outputs, backend and its optimization level.
import MojoCodegen
import MojoDiagnostics

/// The code generator to use.
public enum BackendKind: String, Sendable, CaseIterable {
  /// Copy-and-patch: precompiled machine-code stencils, copied and patched.
  case cnp
  /// LLVM through its C API.
  case llvm
}

/// What `mojoc build` writes.
public enum EmitKind: String, Sendable, CaseIterable {
  /// The IR of every module as text.
  case ir
  /// LLVM IR text (LLVM backend only).
  case llvmIR = "llvm-ir"
  /// One relocatable object per module, into the output folder.
  case obj
  /// A linked executable.
  case exe
}

/// What happens to warnings: `-w` drops them, `-Werror` makes them errors (as Mojo's
/// `--disable-warnings` and `--Werror` do).
public enum WarningPolicy: Sendable {
  case report, ignore, treatAsErrors

  /// The policy `-w` (`disabled`) and `-Werror` (`asErrors`) ask for; `-Werror` wins.
  public init(disabled: Bool, asErrors: Bool) {
    self = asErrors ? .treatAsErrors : disabled ? .ignore : .report
  }

  /// `diagnostics` with the policy applied.
  public func apply(to diagnostics: [Diagnostic]) -> [Diagnostic] {
    switch self {
    case .report: return diagnostics
    case .ignore: return diagnostics.filter { $0.severity != .warning }
    case .treatAsErrors:
      return diagnostics.map { d in
        guard d.severity == .warning else { return d }
        return d.with(severity: .error)
      }
    }
  }
}

/// All options of one build.
public struct BuildOptions: Sendable {
  /// A project folder or a `.mojo` file.
  public var input: String
  /// The output path; nil picks a default (`BuildOutput.defaultExecutable` for executables,
  /// stdout for text, the current folder for objects).
  public var output: String?
  public var backend: BackendKind
  public var optimization: OptimizationLevel
  public var emit: EmitKind
  /// Worker threads for the parallel phases.
  public var jobs: Int
  public var linker: LinkerChoice
  /// Run the IR verifier after lowering (always on in debug builds).
  public var verifyIR: Bool
  /// `--time-trace` and `--timings`.
  public var profiling: ProfilingOptions
  /// The libLLVM file the LLVM backend opens; nil searches the usual names.
  public var llvmLibrary: String?
  /// `mojoc run`: instead of writing the executable (`emit` is `.exe`), link it into memory and
  /// run it inside mojoc (`Execution/InProcessProgram.swift`).
  public var runsInProcess = false
  /// `mojoc run --backend interp`: with `runsInProcess`, interpret the IR (MojoInterpreter)
  /// instead of generating code; `backend` is then unused.
  public var interprets = false
  /// Instructions per part of one module's cnp code generation (nil: the backend's default);
  /// tests make it small to split small programs. Objects do not depend on it.
  var codegenPartSize: Int?
  public var warnings = WarningPolicy.report
  /// The action cache that serves and stores module objects (nil: every module is compiled).
  public var cache: ActionCache?
  /// `--emit-actions FILE`: write every planned action as JSON (`Planning/ActionsJSON.swift`).
  public var actionsFile: String?
  /// `--module NAME` (with `--emit obj`): generate the object of this module only (the front end
  /// still reads and checks the whole project), as one compile action of `--emit-actions` does.
  public var onlyModule: String?
  /// `--only-module-bodies` (with `--module`): check that module's bodies only; the other
  /// modules' sources may be stubs (a remote compile action, `BuildRunner+Remote.swift`).
  public var onlyModuleBodies = false
  /// `--remote grpc://HOST:PORT`: compile actions on a REAPI server (`Execution/BuildRunner+Remote.swift`).
  public var remote: RemoteOptions?

  public init(input: String, output: String? = nil, backend: BackendKind = .cnp, optimization: OptimizationLevel = .o0,
              emit: EmitKind = .exe, jobs: Int = 1, linker: LinkerChoice = .builtin, verifyIR: Bool = false,
              profiling: ProfilingOptions = ProfilingOptions(), llvmLibrary: String? = nil) {
    self.input = input
    self.output = output
    self.backend = backend
    self.optimization = optimization
    self.emit = emit
    self.jobs = jobs
    self.linker = linker
    self.verifyIR = verifyIR
    self.profiling = profiling
    self.llvmLibrary = llvmLibrary
  }
}

/// Where a profiling report goes.
public enum ReportDestination: Sendable, Equatable {
  /// Next to the output: `<output>.trace.json`, `<output>.timings.html`.
  case besideOutput
  case file(String)
}

/// What to measure and report about the build itself.
public struct ProfilingOptions: Sendable, Equatable {
  /// `--time-trace[=FILE]`: write a Chrome trace.
  public var timeTrace: ReportDestination?
  /// `--time-trace-granularity`: nested spans shorter than this many microseconds are left out
  /// of the trace.
  public var granularityMicroseconds: Int
  /// `--timings`: a table on stderr.
  public var timingsText: Bool
  /// `--timings=html[:FILE]`: an HTML page.
  public var timingsHTML: ReportDestination?

  public init(timeTrace: ReportDestination? = nil, granularityMicroseconds: Int = 500, timingsText: Bool = false,
              timingsHTML: ReportDestination? = nil) {
    self.timeTrace = timeTrace
    self.granularityMicroseconds = granularityMicroseconds
    self.timingsText = timingsText
    self.timingsHTML = timingsHTML
  }

  /// True when anything is measured; otherwise the build reads no clock.
  public var isEnabled: Bool { timeTrace != nil || timingsText || timingsHTML != nil }
}

/// Where and how compile actions run remotely.
public struct RemoteOptions: Sendable {
  public var endpoint: RemoteEndpoint
  /// `--remote-cache-only`: look objects up and store them, compile misses locally.
  public var cacheOnly: Bool
  /// The mojoc executable the server runs (an input of every action); nil disables remote builds.
  public var compilerPath: String?
  /// At most this many Executes in flight.
  public var maxConcurrentExecutes: Int
  /// The client that talks to the server (`MojoRemote.REAPIService`, in mojoc-remote only).
  public var service: any RemoteService

  public init(endpoint: RemoteEndpoint, cacheOnly: Bool, compilerPath: String?, maxConcurrentExecutes: Int = 8,
              service: any RemoteService) {
    self.endpoint = endpoint
    self.cacheOnly = cacheOnly
    self.compilerPath = compilerPath
    self.maxConcurrentExecutes = maxConcurrentExecutes
    self.service = service
  }
}
