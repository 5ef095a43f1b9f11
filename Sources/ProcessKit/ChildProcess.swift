//! Starting a program and waiting for it: the one process launcher of mojoc (the driver's linker
//! jobs and `mojoc bench`). posix_spawn and a blocking wait (Foundation's `Process` polls for the
//! child's exit on Linux, which once added about 50 ms to every link); wall time from a monotonic
//! clock, CPU time and peak RSS from `wait4`'s resource usage, which include the children the
//! program waited for (such as the linker a compiler driver starts).
import Dispatch
import Glibc
import Synchronization

/// What one run of a program cost and produced.
public struct ChildProcessResult: Sendable {
  /// The exit status, or 128 + the number of the signal that ended the program.
  public var status: Int32
  /// True when the program was killed for running longer than its time limit.
  public var timedOut: Bool
  /// What the program wrote to a `.capture` output (both streams in order when both capture).
  public var output: [UInt8]
  public var wallSeconds: Double
  /// User plus system CPU seconds of the program and its waited-for children.
  public var cpuSeconds: Double
  /// Peak resident set size in bytes (the largest of the program and its children).
  public var peakRSS: Int

  public init(status: Int32, timedOut: Bool = false, output: [UInt8] = [], wallSeconds: Double, cpuSeconds: Double,
              peakRSS: Int) {
    self.status = status
    self.timedOut = timedOut
    self.output = output
    self.wallSeconds = wallSeconds
    self.cpuSeconds = cpuSeconds
    self.peakRSS = peakRSS
  }

  /// The captured output as text.
  public var outputText: String { String(decoding: output, as: UTF8.self) }
}

/// A program could not be started.
public struct SpawnError: Error, CustomStringConvertible, Sendable {
  public var executable: String
  public var code: Int32
  public var description: String { "cannot run \(executable): \(String(cString: strerror(code)))" }
}

/// One program to run, and how.
public struct ChildProcess {
  /// Where one of the program's output streams goes.
  public enum Output: Sendable, Equatable {
    /// Discarded.
    case null
    /// Into a file, created or truncated.
    case file(String)
    /// Into `ChildProcessResult.output`.
    case capture
  }

  /// The program (a path: PATH is not searched) and its arguments.
  public var arguments: [String]
  public var standardOutput: Output = .null
  public var standardError: Output = .null
  /// Signals blocked in the program; nil leaves the caller's mask (`posix_spawn`'s default).
  public var signalMask: sigset_t?
  /// Killed (SIGKILL) when still running after this many seconds.
  public var timeLimit: Double?
  /// The program's environment; nil passes this process's own.
  public var environment: [String: String]?
  /// The folder the program starts in; nil for this process's current folder.
  public var workingDirectory: String?

  public init(_ arguments: [String], standardOutput: Output = .null, standardError: Output = .null) {
    self.arguments = arguments
    self.standardOutput = standardOutput
    self.standardError = standardError
  }

  /// Runs the program to its end. `started` is called with its pid as soon as it runs, and
  /// `ended` once it has exited but before it is reaped (so a pid that a caller remembers,
  /// e.g. to kill it on an interrupt, is never reused while remembered).
  public func run(started: (pid_t) -> Void = { _ in }, ended: (pid_t) -> Void = { _ in }) throws(SpawnError)
    -> ChildProcessResult
  {
    let executable = arguments.first ?? ""
    var fds: [Int32] = [-1, -1]
    let captures = standardOutput == .capture || standardError == .capture
    if captures {
      guard pipe(&fds) == 0 else { throw SpawnError(executable: executable, code: errno) }
      // Not inherited by programs other threads start meanwhile (dup2 clears the flag in ours).
      for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    for (fd, output) in [(Int32(1), standardOutput), (2, standardError)] {
      switch output {
      case .null: posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", O_WRONLY, 0)
      case .file(let path): posix_spawn_file_actions_addopen(&actions, fd, path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
      case .capture: posix_spawn_file_actions_adddup2(&actions, fds[1], fd)
      }
    }
    if let workingDirectory {
      guard let address = Self.addChdir else { throw SpawnError(executable: executable, code: ENOSYS) }
      let addChdir = unsafeBitCast(address, to: AddChdir.self)
      let added = withUnsafeMutablePointer(to: &actions) { actions in
        workingDirectory.withCString { addChdir(actions, $0) }
      }
      guard added == 0 else { throw SpawnError(executable: executable, code: added) }
    }
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    if var mask = signalMask {
      posix_spawnattr_setsigmask(&attributes, &mask)
      posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
    }
    let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    let envp: [UnsafeMutablePointer<CChar>?]? = environment.map { $0.sorted { $0.key < $1.key }.map { strdup("\($0)=\($1)") } + [nil] }
    defer {
      for argument in argv { free(argument) }
      for variable in envp ?? [] { free(variable) }
    }
    var pid: pid_t = 0
    let start = Self.now()
    let spawned = envp.map { posix_spawn(&pid, executable, &actions, &attributes, argv, $0) }
      ?? posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
    if captures { close(fds[1]) }
    guard spawned == 0 else {
      if captures { close(fds[0]) }
      throw SpawnError(executable: executable, code: spawned)
    }
    started(pid)
    let watchdog = timeLimit.map { Watchdog(pid: pid, seconds: $0) }
    var output: [UInt8] = []
    if captures {
      var buffer = [UInt8](repeating: 0, count: 4096)
      while true {
        let n = buffer.withUnsafeMutableBytes { read(fds[0], $0.baseAddress, $0.count) }
        if n > 0 { output += buffer[0..<n] } else if n == 0 || errno != EINTR { break }
      }
      close(fds[0])
    }
    var info = siginfo_t()
    while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) < 0 && errno == EINTR {}
    let timedOut = watchdog?.stop() ?? false
    ended(pid)
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    let signal = status & 0x7f
    return ChildProcessResult(
      status: signal == 0 ? (status >> 8) & 0xff : 128 + signal, timedOut: timedOut, output: output,
      wallSeconds: Self.now() - start, cpuSeconds: Self.seconds(usage.ru_utime) + Self.seconds(usage.ru_stime),
      peakRSS: Int(usage.ru_maxrss) * 1024)
  }

  /// This process's environment, as a dictionary (to extend for `environment`).
  public static var currentEnvironment: [String: String] {
    var variables: [String: String] = [:]
    var entry = environ
    while let pointer = entry.pointee {
      let text = String(cString: pointer)
      if let equals = text.firstIndex(of: "=") {
        variables[String(text[..<equals])] = String(text[text.index(after: equals)...])
      }
      entry += 1
    }
    return variables
  }

  /// The full path of `tool` (a name looked up on PATH, or a path); nil when not found.
  public static func find(_ tool: String) -> String? {
    if tool.contains("/") { return access(tool, X_OK) == 0 ? tool : nil }
    let path = getenv("PATH").map { String(cString: $0) } ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") where access("\(folder)/\(tool)", X_OK) == 0 {
      return "\(folder)/\(tool)"
    }
    return nil
  }

  /// glibc's `posix_spawn_file_actions_addchdir_np` (2.29 and later), which the Glibc module does
  /// not declare (it needs `_GNU_SOURCE`).
  private typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
  nonisolated(unsafe) private static let addChdir: UnsafeMutableRawPointer? = dlsym(nil, "posix_spawn_file_actions_addchdir_np")

  static func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }

  static func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
}

/// Kills a child that outlives its time limit, from a Dispatch timer.
private final class Watchdog: Sendable {
  private struct State { var stopped = false, fired = false }
  private let state = Mutex(State())

  init(pid: pid_t, seconds: Double) {
    DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { [self] in
      state.withLock { state in
        guard !state.stopped else { return }
        state.fired = true
        kill(pid, SIGKILL)  // the child is not reaped before stop(), so the pid is still its own
      }
    }
  }

  /// Stops watching; true when the limit was reached and the child killed.
  func stop() -> Bool {
    state.withLock { state in
      state.stopped = true
      return state.fired
    }
  }
}
