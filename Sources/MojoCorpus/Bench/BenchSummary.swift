//! Medians of a backend's samples and the ratios between backends of one project: the
//! numbers every report format (Markdown, CSV, HTML) prints.

/// Median numbers of one backend on one project.
public struct BackendSummary: Sendable {
  public var backend: String
  public var failure: String?
  public var buildWall: Double?
  public var buildCPU: Double?
  public var linesPerSecond: Double?
  public var peakRSS: Int?
  public var runWall: Double?
  public var executableBytes: Int?
  public var objectBytes: Int?
  /// Median per phase, in mojoc's order.
  public var phases: [PhaseTiming] = []

  /// The median phase row called `name`.
  public func phase(_ name: String) -> PhaseTiming? { phases.first { $0.name == name } }
  /// CPU of code generation proper (the nested `codegen` phase), in seconds.
  public var codegenCPU: Double? { phase("codegen").map { $0.cpuMilliseconds / 1000 } }
}

/// A project with its backends summarized and its ratios (nil when outputs disagree).
public struct ProjectSummary: Sendable {
  public var path: String
  public var lines: Int
  public var files: Int
  public var agree: Bool
  public var backends: [BackendSummary]

  public init(_ result: ProjectResult) {
    path = result.path
    lines = result.lines
    files = result.files
    agree = result.outputsAgree
    backends = result.backends.map { BackendSummary(result: $0, lines: result.lines) }
  }

  /// `value(backend) / value(first backend)`, refused (nil) unless all outputs agree.
  public func ratio(_ index: Int, _ value: (BackendSummary) -> Double?) -> Double? {
    guard agree, let base = value(backends[0]), base > 0, let mine = value(backends[index]) else { return nil }
    return mine / base
  }
}

extension BackendSummary {
  init(result: BackendResult, lines: Int) {
    backend = result.backend.name
    failure = result.failure
    executableBytes = result.executableBytes
    objectBytes = result.objectBytes
    let samples = result.samples
    guard !samples.isEmpty else { return }
    buildWall = median(samples.map(\.build.wallSeconds))
    buildCPU = median(samples.map(\.build.cpuSeconds))
    linesPerSecond = buildWall.map { Double(lines) / max($0, 1e-9) }
    peakRSS = Int(median(samples.map { Double($0.build.peakRSS) }))
    let runs = samples.compactMap(\.run)
    runWall = runs.isEmpty ? nil : median(runs.map(\.wallSeconds))
    // Phase names in the order of the first sample; each phase's median over all samples.
    for row in samples[0].phases {
      let same = samples.compactMap { $0.phases.first { $0.name == row.name } }
      let walls = same.compactMap(\.wallMilliseconds)
      phases.append(PhaseTiming(name: row.name, nested: row.nested,
                                wallMilliseconds: walls.isEmpty ? nil : median(walls),
                                cpuMilliseconds: median(same.map(\.cpuMilliseconds))))
    }
  }
}

/// The median (mean of the middle two for an even count).
func median(_ values: [Double]) -> Double {
  let sorted = values.sorted()
  let mid = sorted.count / 2
  return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
