//! Times code generation alone — IR already in memory to object bytes — for each backend on
//! the same IR, interleaving the backends (A B A B ...) and taking medians, so that machine
//! noise hits both alike. Used by `mojoc bench-codegen` and `Scripts/bench-codegen`.
import Dispatch
import MojoCodegen
import MojoCopyPatch
import MojoIR
import MojoLLVM
import MojoProfiling

/// One backend's measured code generation.
public struct CodegenMeasurement: Sendable {
  public var backend: String
  /// Median over repetitions of the time to emit every module, in seconds.
  public var medianSeconds: Double
  /// Median over repetitions of the CPU time of the thread that emits every module, in seconds
  /// (unlike the wall time, it leaves out the time the thread waits for a core on a loaded machine).
  public var medianCPUSeconds: Double
  /// Total object bytes of one emission.
  public var objectBytes: Int
}

/// The result of a code generation benchmark on one project.
public struct CodegenBenchmarkReport: Sendable {
  public var modules: Int
  public var functions: Int
  public var instructions: Int
  public var measurements: [CodegenMeasurement]
}

/// Lowers a project once and times its code generation with several backends.
public enum CodegenBenchmark {
  /// The backends compared, by the names printed.
  public static let backends: [(String, any Backend)] = [
    ("cnp", CopyPatchBackend()),
    ("llvm-O0", LLVMBackend(optimization: .o0, verifiesModules: false)),
    ("llvm-O2", LLVMBackend(optimization: .o2, verifiesModules: false)),
  ]

  /// Runs the benchmark on `project` with `repetitions` interleaved rounds, on one thread.
  public static func run(project: String, repetitions: Int, backendNames: [String]) throws -> CodegenBenchmarkReport {
    let modules = try lower(project: project)
    let chosen = backends.filter { backendNames.contains($0.0) }
    var samples = Array(repeating: [Double](), count: chosen.count)
    var cpuSamples = Array(repeating: [Double](), count: chosen.count)
    var sizes = Array(repeating: 0, count: chosen.count)
    for _ in 0..<repetitions {
      for (k, (_, backend)) in chosen.enumerated() {
        let start = DispatchTime.now().uptimeNanoseconds, cpuStart = ProfileClock.threadCPU()
        var bytes = 0
        for module in modules { bytes += try backend.emitObject(for: module).bytes.count }
        samples[k].append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        cpuSamples[k].append(Double(ProfileClock.threadCPU() - cpuStart) / 1e9)
        sizes[k] = bytes
      }
    }
    let measurements = chosen.enumerated().map { k, entry in
      CodegenMeasurement(backend: entry.0, medianSeconds: samples[k].sorted()[samples[k].count / 2],
                         medianCPUSeconds: cpuSamples[k].sorted()[cpuSamples[k].count / 2], objectBytes: sizes[k])
    }
    let functions = modules.reduce(0) { $0 + $1.functions.filter(\.isDefined).count }
    let instructions = modules.reduce(0) { $0 + $1.functions.reduce(0) { $0 + $1.instructions.count } }
    return CodegenBenchmarkReport(modules: modules.count, functions: functions, instructions: instructions, measurements: measurements)
  }

  /// Parses, checks and lowers every module of `project` (the driver's front end, serially);
  /// fails on any program error.
  static func lower(project: String) throws -> [IRModule] {
    try Frontend.lowerProject(project)
  }
}
