//! Links objects into an executable through the system C compiler driver (`cc`), which adds the
//! C runtime start files and libc. `--linker` picks the linker `cc` runs; `auto` takes the
//! fastest one installed, in the order measured on this machine with 1000 objects
//! (lld, then gold, then GNU ld; mold 1.10 was slower than GNU ld there, research/spike.md §4).
//! The executable is written atomically: linked to a temporary name beside the output, then
//! renamed, so a failed build never leaves a partial file or touches an existing output.
import Foundation

/// Which linker `cc` should run.
public enum LinkerChoice: String, Sendable, CaseIterable {
  /// The fastest installed: lld, else gold, else the system default (GNU ld).
  case auto
  /// LLVM's LLD (`ld.lld` on PATH, or Debian's LLVM 19).
  case lld
  /// mold, when installed.
  case mold
  /// GNU gold.
  case gold
  /// GNU ld (the system default on Debian).
  case bfd

  /// The order `auto` tries, fastest first.
  static let fastestFirst: [LinkerChoice] = [.lld, .gold, .bfd]
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

  /// The `cc` arguments that select `choice`, or nil when that linker is not installed.
  static func selection(_ choice: LinkerChoice) -> [String]? {
    switch choice {
    case .auto:
      for candidate in LinkerChoice.fastestFirst { if let arguments = selection(candidate) { return arguments } }
      return []
    case .lld:
      return lldDirectory().map { ["-B" + $0, "-fuse-ld=lld"] }
    case .mold:
      return find("ld.mold") != nil || find("mold") != nil ? ["-fuse-ld=mold"] : nil
    case .gold:
      return find("ld.gold") != nil ? ["-fuse-ld=gold"] : nil
    case .bfd:
      return ["-fuse-ld=bfd"]
    }
  }

  /// The link command for `objects` producing `output`.
  public func plan(objects: [String], output: String) throws -> LinkJob {
    guard let cc = Linker.find("cc") ?? Linker.find("gcc") ?? Linker.find("clang") else { throw DriverError.linkerNotFound }
    guard let selection = Linker.selection(choice) else {
      throw DriverError.linkFailed(command: "cc -fuse-ld=\(choice.rawValue)", output: "\(choice.rawValue) linker not found")
    }
    return LinkJob(driver: cc, arguments: selection + ["-o", output] + objects, output: output)
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
