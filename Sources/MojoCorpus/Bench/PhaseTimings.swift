//! Reading per-phase times from the Chrome trace that `mojoc build --time-trace=FILE` writes (the
//! bench spawns mojoc to measure the whole process, its peak RSS and the linker, so the numbers
//! come back as a file). The trace is data: complete (`X`) events with `dur` (wall) and `tdur`
//! (thread CPU) in microseconds, track 0 the driver, tracks 1... the workers, and the linker
//! process's CPU as `args.linker_cpu_us` of the driver's `link` span.
import FoundationEssentials

/// One phase row: wall time for driver stages, CPU time for every phase.
public struct PhaseTiming: Sendable, Hashable {
  /// The phase as mojoc names it (`parse`, `check`, `lower + codegen`, `codegen`, `link`, ...).
  public var name: String
  /// True for phases nested inside a stage's jobs (CPU only).
  public var nested: Bool
  public var wallMilliseconds: Double?
  public var cpuMilliseconds: Double

  public init(name: String, nested: Bool, wallMilliseconds: Double?, cpuMilliseconds: Double) {
    self.name = name
    self.nested = nested
    self.wallMilliseconds = wallMilliseconds
    self.cpuMilliseconds = cpuMilliseconds
  }
}

/// Per-phase rows from a Chrome trace.
public enum PhaseTimings {
  /// Phases in pipeline order; a phase found in a trace but not listed here comes after them.
  static let order = ["parse", "bind", "check", "lower + codegen", "lower", "lower function", "verify IR", "codegen",
                      "write object", "link", "cleanup"]

  /// The rows of the trace JSON `data`, as `mojoc build --timings` computes them: a stage that
  /// ran on the driver has its wall time; CPU is the sum over worker jobs when there are any,
  /// else the driver's (plus the linker process's for `link`). Empty for unreadable data.
  public static func fromTrace(_ data: Data) -> [PhaseTiming] {
    guard let trace = try? JSONDecoder().decode(Trace.self, from: data) else { return [] }
    var driverWall: [String: Double] = [:]
    var driverCPU: [String: Double] = [:]
    var workerCPU: [String: Double] = [:]
    var seen: [String] = []
    for event in trace.traceEvents where event.ph == "X" {
      guard let name = event.name, name != "build", let track = event.tid else { continue }
      let wall = (event.dur ?? 0) / 1000
      var cpu = (event.tdur ?? 0) / 1000
      if !seen.contains(name) { seen.append(name) }
      if track == 0 {
        cpu += (event.args?.linkerCPUMicroseconds ?? 0) / 1000
        driverWall[name, default: 0] += wall
        driverCPU[name, default: 0] += cpu
      } else {
        workerCPU[name, default: 0] += cpu
      }
    }
    let names = order.filter(seen.contains) + seen.filter { !order.contains($0) }
    return names.map { name in
      PhaseTiming(name: name, nested: driverWall[name] == nil, wallMilliseconds: driverWall[name],
                  cpuMilliseconds: workerCPU[name] ?? driverCPU[name] ?? 0)
    }
  }

  /// The parts of a Chrome trace these rows need; other fields are ignored.
  struct Trace: Decodable {
    struct Event: Decodable {
      struct Arguments: Decodable {
        var linkerCPUMicroseconds: Double?
        enum CodingKeys: String, CodingKey { case linkerCPUMicroseconds = "linker_cpu_us" }
      }
      var ph: String
      var name: String?
      var tid: Int?
      var dur: Double?
      var tdur: Double?
      var args: Arguments?
    }
    var traceEvents: [Event]
  }

  /// The rows of the trace file at `path`; empty when it is missing or unreadable.
  public static func fromTrace(path: String) -> [PhaseTiming] {
    FileManager.default.contents(atPath: path).map(fromTrace) ?? []
  }
}
