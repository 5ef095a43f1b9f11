//! Runs the built `mojoc` executable (the one `swift build` put beside the test bundle) with
//! arguments and extra environment variables, and returns its status and both output streams.
import Foundation
import TestSupport

/// What one run of `mojoc` did.
struct MojocRun {
  var status: Int32
  var stdout: String
  var stderr: String
}

enum MojocProcess {
  /// The `mojoc` executable of this build: the test bundle and the products share a folder.
  static let executable: URL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    .deletingLastPathComponent().appendingPathComponent("mojoc")

  /// Runs `mojoc arguments` (or another `program`) in `directory` with `environment` added to
  /// this process's own; its action cache is a temporary folder unless `environment` names one.
  static func run(_ arguments: [String], environment: [String: String] = [:],
                  in directory: URL? = nil, program: URL = executable) throws -> MojocRun {
    let scratch = Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: scratch) }
    var environment = environment
    if environment["MOJOC_CACHE_DIR"] == nil { environment["MOJOC_CACHE_DIR"] = scratch.appendingPathComponent("cache").path }
    let run = try Launch.run([program.path] + arguments, environment: environment, in: directory, scratch: scratch)
    return MojocRun(status: run.status, stdout: run.stdout, stderr: run.stderr)
  }

  /// Runs any tool (readelf, a built program) and returns its status and output.
  static func tool(_ path: String, _ arguments: [String]) throws -> MojocRun {
    let run = try Launch.tool(path, arguments)
    return MojocRun(status: run.status, stdout: run.stdout, stderr: run.stderr)
  }
}
