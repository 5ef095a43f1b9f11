//! `--timings`: turns a build's spans into a per-phase table (wall, CPU, share of the build,
//! parallel efficiency), the slowest modules and the link time, as text for stderr. The HTML
//! form (`TimingsReport+HTML.swift`) shows the same tables and a Gantt chart of the workers.

/// The tables of `--timings`, computed once from a profile.
public struct TimingsReport: Sendable {
  /// One row of the phase table.
  public struct PhaseRow: Sendable {
    public var phase: Phase
    /// Wall time of the stage on the driver's timeline; nil for phases nested in jobs.
    public var wall: UInt64?
    /// CPU time: the sum over jobs for parallel stages, the driver's (and the linker's) for
    /// serial ones.
    public var cpu: UInt64
    /// The number of jobs (zero for serial stages).
    public var jobs: Int
    /// CPU of the jobs that ran during the stage / (stage wall × workers), for stages that ran
    /// jobs.
    public var parallelEfficiency: Double?
  }

  /// One module's job times.
  public struct ModuleRow: Sendable {
    public var name: String
    public var parse: UInt64 = 0
    public var check: UInt64 = 0
    public var compile: UInt64 = 0
    public var total: UInt64 { parse + check + compile }
  }

  public let profile: BuildProfile
  /// Wall time of the whole build.
  public let total: UInt64
  public let phases: [PhaseRow]
  /// Modules, slowest first.
  public let modules: [ModuleRow]
  /// Function spans (lowering and codegen of one function), slowest first; empty unless the
  /// lowering or backend records them through `CurrentJob.measure`.
  public let functions: [Span]

  public init(_ profile: BuildProfile) {
    self.profile = profile
    let spans = profile.spans
    total = spans.filter { $0.track == 0 && $0.phase == .build }.map(\.duration).reduce(0, +)
    var rows: [PhaseRow] = []
    for phase in Phase.allCases where phase != .build {
      let driver = spans.filter { $0.track == 0 && $0.phase == phase }
      let jobs = spans.filter { $0.track > 0 && $0.phase == phase }
      if driver.isEmpty && jobs.isEmpty { continue }
      let wall: UInt64? = phase.isStage ? driver.map(\.duration).reduce(0, +) : nil
      var cpu: UInt64
      if jobs.isEmpty {
        cpu = driver.map(\.cpu).reduce(0, +)
      } else {
        cpu = jobs.map(\.cpu).reduce(0, +)
      }
      if phase == .link { cpu += profile.linkerCPU }
      let jobCount = jobs.filter { !$0.isDetail }.count
      // The CPU of the jobs that started during the stage, whatever their phase: a check job
      // also compiles its module when it can (`Frontend.check(early:)`), so compile jobs run
      // inside the check stage and the compile stage may run none of its own.
      let inside = spans.filter { job in
        job.track > 0 && !job.isDetail && driver.contains { $0.start <= job.start && job.start < $0.end }
      }
      var efficiency: Double?
      if let wall, wall > 0, jobCount > 0, !inside.isEmpty {
        efficiency = Double(inside.map(\.cpu).reduce(0, +)) / (Double(wall) * Double(profile.workerCount))
      }
      rows.append(PhaseRow(phase: phase, wall: wall, cpu: cpu, jobs: jobCount, parallelEfficiency: efficiency))
    }
    phases = rows
    var byName: [String: ModuleRow] = [:]
    for span in spans where span.track > 0 && !span.isDetail && !span.label.isEmpty {
      var row = byName[span.label] ?? ModuleRow(name: span.label)
      switch span.phase {
      case .parse: row.parse += span.duration
      case .check: row.check += span.duration
      case .compile: row.compile += span.duration
      default: break
      }
      byName[span.label] = row
    }
    functions = spans.filter { $0.phase == .lowerFunction }
      .sorted { $0.duration != $1.duration ? $0.duration > $1.duration : $0.label < $1.label }
    modules = byName.values.sorted { $0.total != $1.total ? $0.total > $1.total : $0.name < $1.name }
  }

  /// The link stage's wall time, if the build linked.
  public var linkWall: UInt64? { phases.first { $0.phase == .link }?.wall }

  /// The report as text for stderr, with at most `slowest` module rows.
  public func text(slowest: Int = 10) -> String {
    var out = "mojoc timings: \(modules.count) modules, \(profile.workerCount) workers, "
    out += "total \(ms(total)) ms, peak RSS \(mebibytes(profile.peakResidentBytes)) MiB\n"
    out += pad("phase", 18, left: true) + pad("wall ms", 10) + pad("cpu ms", 10) + pad("share", 8)
      + pad("jobs", 6) + pad("parallel eff.", 15) + "\n"
    for row in phases {
      let name = row.phase.isStage ? row.phase.name : "  " + row.phase.name
      out += pad(name, 18, left: true) + pad(row.wall.map(ms) ?? "-", 10) + pad(ms(row.cpu), 10)
      out += pad(row.wall.map { percent($0, of: total) } ?? "-", 8)
      out += pad(row.jobs > 0 ? String(row.jobs) : "-", 6)
      out += pad(row.parallelEfficiency.map { percent($0) } ?? "-", 15) + "\n"
    }
    out += pad("total", 18, left: true) + pad(ms(total), 10) + "\n"
    if !modules.isEmpty {
      out += "slowest modules (job wall ms):\n"
      out += pad("module", 30, left: true) + pad("total", 10) + pad("parse", 10) + pad("check", 10)
        + pad("lower+cg", 10) + "\n"
      for row in modules.prefix(slowest) {
        out += pad(row.name, 30, left: true) + pad(ms(row.total), 10) + pad(ms(row.parse), 10)
          + pad(ms(row.check), 10) + pad(ms(row.compile), 10) + "\n"
      }
    }
    if !functions.isEmpty {
      out += "slowest functions:\n"
      for span in functions.prefix(slowest) {
        out += pad(span.label, 30, left: true) + pad(ms(span.duration), 10) + "  " + span.phase.name + "\n"
      }
    }
    if let link = linkWall {
      out += "link: \(ms(link)) ms wall, linker process CPU \(ms(profile.linkerCPU)) ms\n"
    }
    return out
  }

  // MARK: - Formatting

  func ms(_ ns: UInt64) -> String { fixed(Double(ns) / 1e6, digits: 2) }

  func mebibytes(_ bytes: UInt64) -> String { fixed(Double(bytes) / 1_048_576, digits: 1) }

  func percent(_ part: UInt64, of whole: UInt64) -> String {
    whole == 0 ? "-" : percent(Double(part) / Double(whole))
  }

  func percent(_ fraction: Double) -> String { fixed(fraction * 100, digits: 1) + "%" }

  func fixed(_ value: Double, digits: Int) -> String { value.fixed(digits) }

  func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
    let fill = String(repeating: " ", count: max(1, width - text.count))
    return left ? text + fill : fill + text
  }
}

extension Double {
  /// The value with `digits` decimals, rounded (what `%.Nf` prints for values that fit an
  /// `Int64` once scaled), without Foundation's formatting.
  public func fixed(_ digits: Int) -> String {
    let value = self
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    // Infinities, NaN and values too large to scale into an Int64 are printed as Swift does.
    guard (value * scale).magnitude < 9e18 else { return "\(value)" }
    let scaled = Int64((value * scale).rounded())
    let whole = scaled / Int64(scale), fraction = abs(scaled % Int64(scale))
    if digits == 0 { return String(whole) }
    let text = String(fraction)
    return (scaled < 0 && whole == 0 ? "-" : "") + String(whole) + "."
      + String(repeating: "0", count: digits - text.count) + text
  }
}
