//! The reports of a profiled build: `--time-trace` writes Chrome trace JSON, `--timings` puts a
//! table into the result for the command line to print, `--timings=html` writes a page.
import FoundationEssentials
import Glibc
import MojoProfiling

extension BuildRunner {
  /// Writes or attaches every report the options ask for.
  func report(_ profile: BuildProfile, into result: inout BuildResult) throws {
    let profiling = options.profiling
    if let destination = profiling.timeTrace {
      let path = reportPath(destination, suffix: ".trace.json")
      let granularity = UInt64(max(0, profiling.granularityMicroseconds)) * 1000
      try write(Array(ChromeTrace.json(profile, granularity: granularity).utf8), to: path)
      result.reportFiles.append(path)
    }
    if profiling.timingsText || profiling.timingsHTML != nil {
      let timings = TimingsReport(profile)
      if profiling.timingsText { result.timingsText = timings.text() + (result.cache.map { $0.summary + "\n" } ?? "")
        + (result.remote.map { $0.summary + "\n" } ?? "") }
      if let destination = profiling.timingsHTML {
        let path = reportPath(destination, suffix: ".timings.html")
        try write(Array(timings.html().utf8), to: path)
        result.reportFiles.append(path)
      }
    }
  }

  /// The file for a report: the given one, or the output path plus `suffix` (inside the
  /// folder for `--emit obj`).
  func reportPath(_ destination: ReportDestination, suffix: String) -> String {
    if case .file(let path) = destination { return path }
    switch options.emit {
    case .exe: return options.executablePath + suffix
    case .obj: return (options.output ?? ".") + "/mojoc" + suffix
    case .ir, .llvmIR: return (options.output ?? "mojoc") + suffix
    }
  }
}
