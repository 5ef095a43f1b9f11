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
  /// this process's own.
  static func run(_ arguments: [String], environment: [String: String] = [:],
                  in directory: URL? = nil, program: URL = executable) throws -> MojocRun {
    let process = Process()
    process.executableURL = program
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    if let directory { process.currentDirectoryURL = directory }
    let scratch = Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let outURL = scratch.appendingPathComponent("stdout"), errURL = scratch.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try out.close()
    try err.close()
    return MojocRun(status: process.terminationStatus,
                    stdout: String(decoding: FileManager.default.contents(atPath: outURL.path) ?? Data(), as: UTF8.self),
                    stderr: String(decoding: FileManager.default.contents(atPath: errURL.path) ?? Data(), as: UTF8.self))
  }

  /// Runs any tool (readelf, a built program) and returns its status and output.
  static func tool(_ path: String, _ arguments: [String]) throws -> MojocRun {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [path] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return MojocRun(status: process.terminationStatus, stdout: String(decoding: data, as: UTF8.self), stderr: "")
  }
}
