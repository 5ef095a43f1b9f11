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
    // posix_spawn and a blocking waitpid: Foundation's Process polls for the child's exit on
    // Linux, which added about 50 ms to every link.
    var fds: [Int32] = [0, 0]
    guard pipe(&fds) == 0 else { throw DriverError.linkFailed(command: executable, output: "pipe: \(String(cString: strerror(errno)))") }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
    posix_spawn_file_actions_adddup2(&actions, fds[1], 2)
    posix_spawn_file_actions_addclose(&actions, fds[0])
    posix_spawn_file_actions_addclose(&actions, fds[1])
    let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { for arg in argv { free(arg) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
    close(fds[1])
    guard spawned == 0 else {
      close(fds[0])
      throw DriverError.linkFailed(command: executable, output: String(cString: strerror(spawned)))
    }
    var output: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let n = buffer.withUnsafeMutableBytes { read(fds[0], $0.baseAddress, $0.count) }
      if n > 0 { output += buffer[0..<n] } else if n == 0 || errno != EINTR { break }
    }
    close(fds[0])
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    // The exit code when the child exited, else 128 + the signal that ended it.
    let code = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return (code, String(decoding: output, as: UTF8.self))
  }

}
