//! Links objects into an executable through the system C compiler driver (`cc`), which adds the
//! C runtime start files and libc. Uses LLD when it can be found (the fastest linker measured
//! on this machine kind, research/spike.md §4), else `cc`'s default linker.
//! The executable is written atomically: linked to a temporary name beside the output, then
//! renamed, so a failed build never leaves a partial file or touches an existing output.
import Foundation

/// Which linker `cc` should run.
public enum LinkerChoice: String, Sendable, CaseIterable {
  /// LLD when installed, else the system default.
  case auto
  case lld
  /// GNU ld (the system default on Debian).
  case bfd
}

/// A plan to link: the command line as values, turned into strings only at launch.
public struct LinkJob: Sendable, Equatable {
  public var driver: String
  public var arguments: [String]
  public var output: String
}

/// Finds tools and runs the link step.
public struct Linker: Sendable {
  public let choice: LinkerChoice
  public init(choice: LinkerChoice = .auto) { self.choice = choice }

  /// Finds an executable on PATH.
  static func find(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for dir in path.split(separator: ":") {
      let candidate = "\(dir)/\(name)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  /// The folder holding `ld.lld`, if any: PATH first, then Debian's LLVM 19 location.
  static func lldDirectory() -> String? {
    if let onPath = find("ld.lld") { return (onPath as NSString).deletingLastPathComponent }
    let debian = "/usr/lib/llvm-19/bin"
    return FileManager.default.isExecutableFile(atPath: debian + "/ld.lld") ? debian : nil
  }

  /// The link command for `objects` producing `output`.
  public func plan(objects: [String], output: String) throws -> LinkJob {
    guard let cc = Linker.find("cc") ?? Linker.find("gcc") ?? Linker.find("clang") else { throw DriverError.linkerNotFound }
    var arguments: [String] = []
    switch choice {
    case .auto, .lld:
      if let dir = Linker.lldDirectory() {
        arguments += ["-B" + dir, "-fuse-ld=lld"]
      } else if choice == .lld {
        throw DriverError.linkFailed(command: "cc -fuse-ld=lld", output: "ld.lld not found")
      }
    case .bfd:
      arguments += ["-fuse-ld=bfd"]
    }
    arguments += ["-o", output]
    arguments += objects
    return LinkJob(driver: cc, arguments: arguments, output: output)
  }

  /// Runs `job`, writing to a temporary file that replaces `finalOutput` only on success.
  public func run(_ job: LinkJob, finalOutput: String) throws {
    let (status, output) = try Linker.runProcess(job.driver, job.arguments)
    guard status == 0 else {
      try? FileManager.default.removeItem(atPath: job.output)
      throw DriverError.linkFailed(command: ([job.driver] + job.arguments).joined(separator: " "), output: output)
    }
    if rename(job.output, finalOutput) != 0 {
      let reason = String(cString: strerror(errno))
      try? FileManager.default.removeItem(atPath: job.output)
      throw DriverError.cannotWrite(finalOutput, reason)
    }
  }

  /// Runs a program and returns its exit status and combined output.
  static func runProcess(_ executable: String, _ arguments: [String]) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }
}
