//! Spawning a tool and measuring it: wall time from a monotonic clock, CPU time and peak RSS
//! from `wait4`'s resource usage (which includes the children the tool waited for, such as
//! the linker mojoc starts). Output goes to files so no pipe can block the child.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What one process run cost and produced.
public struct ProcessMeasurement: Sendable {
  /// Exit status, or 128 + signal number when killed by a signal.
  public var status: Int32
  public var timedOut: Bool
  public var wallSeconds: Double
  /// User plus system CPU seconds of the process and its waited-for children.
  public var cpuSeconds: Double
  /// Peak resident set size in bytes (the largest of the process and its children).
  public var peakRSS: Int

  public init(status: Int32, timedOut: Bool, wallSeconds: Double, cpuSeconds: Double, peakRSS: Int) {
    self.status = status
    self.timedOut = timedOut
    self.wallSeconds = wallSeconds
    self.cpuSeconds = cpuSeconds
    self.peakRSS = peakRSS
  }
}

/// Runs processes with posix_spawn and wait4.
public enum ProcessRunner {
  /// Runs `arguments[0]` with `arguments[1...]`, stdout and stderr into the given files
  /// (`/dev/null` when nil), killing it after `timeout` seconds.
  public static func run(_ arguments: [String], stdout: String?, stderr: String?, timeout: Double) throws
    -> ProcessMeasurement
  {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, stdout ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, stderr ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid: pid_t = 0
    let start = DispatchTime.now().uptimeNanoseconds
    let code = posix_spawn(&pid, arguments[0], &actions, nil, &argv, environ)
    if code != 0 { throw CorpusError.spawnFailed(arguments[0], code) }

    // A watchdog kills the child when it runs too long; it is cancelled as soon as wait4 returns.
    let killed = KillFlag()
    let watchdog = DispatchWorkItem { [pid] in
      killed.set()
      kill(pid, SIGKILL)
    }
    DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    watchdog.cancel()
    let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let cpu = seconds(usage.ru_utime) + seconds(usage.ru_stime)
    let signal = status & 0x7F
    let exit = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    return ProcessMeasurement(status: exit, timedOut: killed.isSet, wallSeconds: wall, cpuSeconds: cpu,
                              peakRSS: Int(usage.ru_maxrss) * 1024)
  }

  /// The full path of `tool` (a name looked up on PATH, or a path); nil when not found.
  public static func find(_ tool: String) -> String? {
    if tool.contains("/") { return FileManager.default.isExecutableFile(atPath: tool) ? tool : nil }
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(folder)/\(tool)") {
      return "\(folder)/\(tool)"
    }
    return nil
  }

  static func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
}

/// Set once by the watchdog, read after the child is gone.
final class KillFlag: @unchecked Sendable {
  private let lock = NSLock()
  private var value = false
  func set() { lock.withLock { value = true } }
  var isSet: Bool { lock.withLock { value } }
}
