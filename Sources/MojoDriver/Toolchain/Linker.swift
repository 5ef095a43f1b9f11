//! Links objects into an executable. The default is mojoc's own linker (MojoLinker), in process:
//! the runtime needs no libc, so a program is a static executable of the module objects and the
//! runtime object, and no `cc` or system linker is spawned. `--linker` can still pick a system
//! linker, run directly (no `cc` driver, no C start files) with the same objects: `auto` takes
//! the fastest one installed, in the order measured on this machine with 1000 objects (lld, then
//! gold, then GNU ld; mold 1.10 was slower than GNU ld there, research/spike.md §4).
//! The executable is written atomically: linked to a temporary name beside the output, then
//! renamed, so a failed build never leaves a partial file or touches an existing output.
import Foundation
import MojoLinker

/// Which linker makes the executable.
public enum LinkerChoice: String, Sendable, CaseIterable {
  /// mojoc's own static linker, in process (the default).
  case builtin
  /// The fastest installed system linker: lld, else gold, else GNU ld.
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

/// A plan to run a system linker: the command line as values, turned into strings only at launch.
public struct LinkJob: Sendable, Equatable {
  public var tool: String
  public var arguments: [String]
  public var output: String
}

/// Finds tools and runs the link step.
public struct Linker: Sendable {
  public let choice: LinkerChoice
  public init(choice: LinkerChoice = .builtin) { self.choice = choice }

  /// Finds an executable on PATH.
  static func find(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for dir in path.split(separator: ":") {
      let candidate = "\(dir)/\(name)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  /// The system linker program for `choice`, or nil when it is not installed (always nil for
  /// the built-in linker).
  static func tool(_ choice: LinkerChoice) -> String? {
    switch choice {
    case .builtin: return nil
    case .auto: return LinkerChoice.fastestFirst.lazy.compactMap { tool($0) }.first
    case .lld:
      if let onPath = find("ld.lld") { return onPath }
      let debian = "/usr/lib/llvm-19/bin/ld.lld"
      return FileManager.default.isExecutableFile(atPath: debian) ? debian : nil
    case .mold: return find("ld.mold") ?? find("mold")
    case .gold: return find("ld.gold")
    case .bfd: return find("ld.bfd") ?? find("ld")
    }
  }

  /// The system linker command for `objects` producing a static executable `output`.
  public func plan(objects: [String], output: String) throws -> LinkJob {
    guard choice != .builtin else { throw DriverError.internalError("the built-in linker runs in process") }
    guard let tool = Linker.tool(choice) else {
      throw DriverError.linkFailed(command: "--linker \(choice.rawValue)", output: "\(choice.rawValue) linker not found")
    }
    return LinkJob(tool: tool, arguments: ["-static", "-o", output] + objects, output: output)
  }

  /// Links `inputs` with the built-in linker into `temporary`, which then replaces `finalOutput`.
  /// The executable is written straight into the file's pages (mapped), so the program's bytes
  /// are copied once, from the objects to the file.
  public func runBuiltin(_ inputs: [LinkInput], temporary: String, finalOutput: String) throws {
    let executable: LinkedExecutable
    do {
      executable = try StaticLinker().plan(inputs)
    } catch let error as LinkError {
      throw DriverError.linkError(error.description)
    }
    // Mode 0777 less the umask, as a system linker creates executables.
    let fd = open(temporary, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o777)
    guard fd >= 0 else { throw DriverError.cannotWrite(finalOutput, String(cString: strerror(errno))) }
    func fail(_ reason: String) -> DriverError {
      close(fd)
      unlink(temporary)
      return DriverError.cannotWrite(finalOutput, reason)
    }
    // Reserve the blocks first: a store into a mapped page the file system cannot back would
    // kill mojoc with SIGBUS instead of reporting a full disk.
    let reserved = posix_fallocate(fd, 0, off_t(executable.size))
    guard reserved == 0 else { throw fail(String(cString: strerror(reserved))) }
    guard let memory = mmap(nil, executable.size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, fd, 0),
          memory != MAP_FAILED else { throw fail(String(cString: strerror(errno))) }
    do {
      try executable.write(into: UnsafeMutableRawBufferPointer(start: memory, count: executable.size))
    } catch let error as LinkError {
      munmap(memory, executable.size)
      _ = fail("")
      throw DriverError.linkError(error.description)
    }
    munmap(memory, executable.size)
    guard close(fd) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw DriverError.cannotWrite(finalOutput, reason)
    }
    try replace(finalOutput, with: temporary)
  }

  /// Renames `temporary` over `finalOutput`, removing it on failure.
  func replace(_ finalOutput: String, with temporary: String) throws {
    if rename(temporary, finalOutput) != 0 {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw DriverError.cannotWrite(finalOutput, reason)
    }
  }

  /// Runs `job`, writing to a temporary file that replaces `finalOutput` only on success.
  public func run(_ job: LinkJob, finalOutput: String) throws {
    let (status, output) = try Linker.runProcess(job.tool, job.arguments)
    guard status == 0 else {
      try? FileManager.default.removeItem(atPath: job.output)
      Linker.removeLinkerTemporaries(of: job.output)
      // A full disk makes some linkers crash with a dump (lld asks for a bug report): say what
      // is wrong in one line, as the built-in linker does.
      if output.contains("No space left on device") || Linker.outOfSpace(writing: job.output, inputs: job.arguments.filter { $0.hasSuffix(".o") }) {
        throw DriverError.cannotWrite(finalOutput, "No space left on device")
      }
      throw DriverError.linkFailed(command: ([job.tool] + job.arguments).joined(separator: " "), output: output)
    }
    try replace(finalOutput, with: job.output)
  }

  /// Removes the `OUTPUT.tmpXXXX` files a linker that crashed leaves beside its output (lld
  /// writes there and renames on success).
  static func removeLinkerTemporaries(of output: String) {
    let folder = (output as NSString).deletingLastPathComponent
    let prefix = (output as NSString).lastPathComponent + ".tmp"
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder) else { return }
    for entry in entries where entry.hasPrefix(prefix) {
      try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(entry))
    }
  }

  /// True when the file system of `output` has less room than the `inputs` take: an executable
  /// is about as large as its objects.
  static func outOfSpace(writing output: String, inputs: [String]) -> Bool {
    var fs = statvfs()
    let folder = (output as NSString).deletingLastPathComponent
    guard statvfs(folder.isEmpty ? "." : folder, &fs) == 0 else { return false }
    var needed: UInt64 = 0
    for path in inputs {
      var info = stat()
      if stat(path, &info) == 0 { needed += UInt64(info.st_size) }
    }
    return UInt64(fs.f_bavail) * UInt64(fs.f_frsize) < needed
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
    // The child starts with the interrupting signals unblocked (mojoc blocks them in every thread).
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var mask = InterruptCleanup.childSignalMask
    posix_spawnattr_setsigmask(&attributes, &mask)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
    close(fds[1])
    if spawned == 0 { InterruptCleanup.kill(child: pid) }
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
    // Wait for the exit without reaping, so an interrupt until the child is forgotten never
    // kills a reused pid; then reap it.
    var info = siginfo_t()
    while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) < 0 && errno == EINTR {}
    InterruptCleanup.forget(child: pid)
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    // The exit code when the child exited, else 128 + the signal that ended it.
    let code = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return (code, String(decoding: output, as: UTF8.self))
  }

}
