//! Reading the phase table that `mojoc build --timings` writes on stderr. The bench spawns
//! mojoc (to measure the whole process, its peak RSS and the linker), so the numbers come
//! back as text; rows that cannot be read are skipped rather than guessed.

/// One phase row: wall time for driver stages, CPU time for every phase.
public struct PhaseTiming: Sendable, Hashable {
  /// The phase as mojoc names it (`parse`, `check`, `lower + codegen`, `codegen`, `link`, ...).
  public var name: String
  /// True for phases nested inside a stage (shown indented by mojoc; CPU only).
  public var nested: Bool
  public var wallMilliseconds: Double?
  public var cpuMilliseconds: Double
}

/// Parser for the `--timings` text table.
public enum PhaseTimings {
  /// The rows between the `phase wall ms ...` header and the `total` line.
  public static func parse(_ text: String) -> [PhaseTiming] {
    var rows: [PhaseTiming] = []
    var inTable = false
    for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
      if line.hasPrefix("phase ") { inTable = true; continue }
      guard inTable else { continue }
      if line.hasPrefix("total") { break }
      // name (may hold spaces), wall, cpu, share, jobs, efficiency: read from the right.
      let fields = line.split(separator: " ", omittingEmptySubsequences: true)
      guard fields.count >= 6, let cpu = Double(fields[fields.count - 4]) else { continue }
      let wall = Double(fields[fields.count - 5])
      let name = fields[0..<(fields.count - 5)].joined(separator: " ")
      rows.append(PhaseTiming(name: name, nested: line.hasPrefix(" "), wallMilliseconds: wall, cpuMilliseconds: cpu))
    }
    return rows
  }
}
