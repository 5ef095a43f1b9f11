//! Links objects into an executable. The default is mojoc's own linker (MojoLinker), in process:
//! the runtime needs no libc, so a program is a static executable of the module objects and the
//! runtime object, and no `cc` or system linker is spawned. `--linker` can still pick a system
//! linker, run directly (no `cc` driver, no C start files) with the same objects: `auto` takes
//! the fastest one installed, in the order measured on this machine with 1000 objects (lld, then
//! gold, then GNU ld; mold 1.10 was slower than GNU ld there, research/spike.md §4).
//! The executable is written atomically: linked to a temporary name beside the output, then
//! renamed, so a failed build never leaves a partial file or touches an existing output.
import FoundationEssentials
import Glibc
import ProcessKit
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
  /// `window`: see below (smaller in tests, to take that path with a small program).
  public func runBuiltin(_ inputs: [LinkInput], temporary: String, finalOutput: String, window: Int = 16 << 20) throws {
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
    // A small executable is mapped populated (one fault for all its pages). A large one is
    // written through its mapping a window at a time: the pages written so far are dropped
    // from this process (they stay in the page cache, as the file's) every `window` bytes, so
    // the link adds a window to the peak RSS instead of the whole executable (71 MB for a
    // 1M-line project).
    let large = executable.size > 2 * window
    guard let memory = mmap(nil, executable.size, PROT_READ | PROT_WRITE, MAP_SHARED | (large ? 0 : MAP_POPULATE), fd, 0),
          memory != MAP_FAILED else { throw fail(String(cString: strerror(errno))) }
    var pending = 0
    do {
      try executable.write(into: UnsafeMutableRawBufferPointer(start: memory, count: executable.size)) { bytes in
        guard large else { return }
        pending += bytes
        if pending >= window {
          madvise(memory, executable.size, MADV_DONTNEED)
          pending = 0
        }
      }
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
    let folder = PathText.folder(of: output)
    let prefix = PathText.lastComponent(of: output) + ".tmp"
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder) else { return }
    for entry in entries where entry.hasPrefix(prefix) {
      try? FileManager.default.removeItem(atPath: PathText.join(folder, entry))
    }
  }

  /// True when the file system of `output` has less room than the `inputs` take: an executable
  /// is about as large as its objects.
  static func outOfSpace(writing output: String, inputs: [String]) -> Bool {
    var fs = statvfs()
    let folder = PathText.folder(of: output)
    guard statvfs(folder.isEmpty ? "." : folder, &fs) == 0 else { return false }
    var needed: UInt64 = 0
    for path in inputs {
      var info = stat()
      if stat(path, &info) == 0 { needed += UInt64(info.st_size) }
    }
    return UInt64(fs.f_bavail) * UInt64(fs.f_frsize) < needed
  }

  /// Runs a program and returns its exit status and combined output. The child starts with the
  /// interrupting signals unblocked (mojoc blocks them in every thread) and is killed if mojoc is
  /// interrupted while it runs.
  static func runProcess(_ executable: String, _ arguments: [String]) throws -> (Int32, String) {
    var process = ChildProcess([executable] + arguments, standardOutput: .capture, standardError: .capture)
    process.signalMask = InterruptCleanup.childSignalMask
    do {
      let result = try process.run(started: InterruptCleanup.kill(child:), ended: InterruptCleanup.forget(child:))
      return (result.status, result.outputText)
    } catch {
      throw DriverError.linkFailed(command: executable, output: String(cString: strerror(error.code)))
    }
  }

}
