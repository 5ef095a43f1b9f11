//! The comparison as text: a Markdown table for stdout and CSV for spreadsheets. Ratios are
//! against the first backend listed and are printed only when all backends' programs wrote
//! the same output with the same exit status.
import MojoProfiling

/// Renders summaries as Markdown or CSV.
public enum BenchReport {
  /// Phases shown as table columns: stage wall times and the CPU of code generation proper.
  static let phaseColumns: [(title: String, phase: String, cpu: Bool)] = [
    ("parse ms", "parse", false), ("check ms", "check", false), ("lower+cg ms", "lower + codegen", false),
    ("codegen CPU ms", "codegen", true), ("link ms", "link", false),
  ]

  public static func markdown(_ projects: [ProjectSummary], repeats: Int, jobs: Int) -> String {
    var text = "Medians of \(repeats) interleaved build(s) per backend, -j\(jobs); ratios against the first backend.\n\n"
    let header = ["project", "lines", "backend", "build s", "CPU s", "lines/s"] + phaseColumns.map(\.title)
      + ["exe KB", "obj KB", "RSS MB", "run s", "build ×", "codegen ×", "run ×"]
    text += "| " + header.joined(separator: " | ") + " |\n"
    text += "|" + String(repeating: " --- |", count: header.count) + "\n"
    var notes: [String] = []
    var anyPhases = false
    for project in projects {
      let name = String(project.path.split(separator: "/").last ?? "")
      for (index, b) in project.backends.enumerated() {
        anyPhases = anyPhases || !b.phases.isEmpty
        var cells = [index == 0 ? name : "", index == 0 ? "\(project.lines)" : "", b.backend]
        cells += [fixed(b.buildWall, 3), fixed(b.buildCPU, 3), b.linesPerSecond.map { grouped(Int($0)) } ?? "—"]
        for column in phaseColumns {
          let row = b.phase(column.phase)
          cells.append(fixed(column.cpu ? row?.cpuMilliseconds : row?.wallMilliseconds, 1))
        }
        cells += [kilo(b.executableBytes), kilo(b.objectBytes),
                  b.peakRSS.map { (Double($0) / 1_048_576).fixed(1) } ?? "—", fixed(b.runWall, 3)]
        cells += [fixed(project.ratio(index) { $0.buildWall }, 2), fixed(project.ratio(index) { $0.codegenCPU }, 2),
                  fixed(project.ratio(index) { $0.runWall }, 2)]
        text += "| " + cells.joined(separator: " | ") + " |\n"
        if let failure = b.failure { notes.append("\(name) \(b.backend): \(failure)") }
      }
      if !project.agree && project.backends.allSatisfy({ $0.failure == nil }) {
        notes.append("\(name): OUTPUTS DISAGREE between backends; no ratios printed")
      }
    }
    if !anyPhases { notes.append("no per-phase times: this mojoc writes no `--time-trace`; totals only") }
    for note in notes { text += "\n- \(note)" }
    return text + (notes.isEmpty ? "" : "\n")
  }

  public static func csv(_ projects: [ProjectSummary]) -> String {
    var phaseNames: [String] = []
    for p in projects { for b in p.backends { for row in b.phases where !phaseNames.contains(row.name) { phaseNames.append(row.name) } } }
    var header = ["project", "lines", "files", "backend", "status", "outputs_agree", "build_wall_s", "build_cpu_s",
                  "lines_per_s", "peak_rss_bytes", "exe_bytes", "obj_bytes", "run_wall_s"]
    for name in phaseNames {
      let key = name.replacing(" + ", with: "_").replacing(" ", with: "_")
      header += ["\(key)_wall_ms", "\(key)_cpu_ms"]
    }
    header += ["build_ratio", "codegen_ratio", "run_ratio"]
    var text = header.joined(separator: ",") + "\n"
    for project in projects {
      for (index, b) in project.backends.enumerated() {
        var cells = [quote(project.path), "\(project.lines)", "\(project.files)", b.backend,
                     quote(b.failure ?? "ok"), project.agree ? "yes" : "no"]
        cells += [raw(b.buildWall), raw(b.buildCPU), raw(b.linesPerSecond), b.peakRSS.map(String.init) ?? "",
                  b.executableBytes.map(String.init) ?? "", b.objectBytes.map(String.init) ?? "", raw(b.runWall)]
        for name in phaseNames {
          let row = b.phase(name)
          cells += [raw(row?.wallMilliseconds), raw(row?.cpuMilliseconds)]
        }
        cells += [raw(project.ratio(index) { $0.buildWall }), raw(project.ratio(index) { $0.codegenCPU }),
                  raw(project.ratio(index) { $0.runWall })]
        text += cells.joined(separator: ",") + "\n"
      }
    }
    return text
  }

  // MARK: - Cells

  static func fixed(_ value: Double?, _ digits: Int) -> String {
    value.map { $0.fixed(digits) } ?? "—"
  }
  static func raw(_ value: Double?) -> String { value.map { "\($0)" } ?? "" }
  static func kilo(_ bytes: Int?) -> String { bytes.map { grouped(($0 + 512) / 1024) } ?? "—" }
  static func quote(_ text: String) -> String { "\"" + text.replacing("\"", with: "\"\"") + "\"" }

  /// `1234567` as `1,234,567`.
  static func grouped(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var out = ""
    for (i, c) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(c)
    }
    return (value < 0 ? "-" : "") + out
  }
}
