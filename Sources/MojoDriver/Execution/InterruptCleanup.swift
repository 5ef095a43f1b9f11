//! What an interrupted build leaves behind: nothing. SIGINT, SIGTERM and SIGHUP are blocked in
//! every thread (set before the build starts any, so Dispatch's workers inherit the mask) and
//! taken by one waiting thread, which kills the linker mojoc started, removes the files and
//! folders being written (the scratch folder, the output's temporary file) in ordinary code —
//! no async-signal-safety limits — and then dies of the same signal, so the shell sees the usual
//! status (130 for Ctrl-C). Registration happens in the serial parts of a build only.
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The things to undo if mojoc is interrupted.
public enum InterruptCleanup {
  /// The signals that interrupt a build.
  static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

  private nonisolated(unsafe) static var paths: [String: Int] = [:]
  private nonisolated(unsafe) static var children: Set<pid_t> = []
  private nonisolated(unsafe) static var lock = pthread_mutex_t()
  private nonisolated(unsafe) static var installed = false

  /// Blocks the interrupting signals in this thread (and so in every thread it starts later) and
  /// starts the thread that waits for them. Call once, before the build starts threads.
  public static func install() {
    guard !installed else { return }
    installed = true
    pthread_mutex_init(&lock, nil)
    var set = signalSet()
    pthread_sigmask(SIG_BLOCK, &set, nil)
    var thread = pthread_t()
    pthread_create(&thread, nil, { _ in
      var set = InterruptCleanup.signalSet()
      var signal: Int32 = 0
      sigwait(&set, &signal)
      InterruptCleanup.undoEverything()
      Glibc.signal(signal, SIG_DFL)
      pthread_sigmask(SIG_UNBLOCK, &set, nil)
      raise(signal)
      _exit(128 + signal)  // not reached: the default action ends the process
    }, nil)
    pthread_detach(thread)
  }

  /// The signal mask a child process should start with: the interrupting signals unblocked.
  public static var childSignalMask: sigset_t {
    var set = sigset_t()
    sigemptyset(&set)
    return set
  }

  /// Removes `path` (a file or a folder) if mojoc is interrupted before `forget(path)`.
  public static func remove(_ path: String) { locked { paths[path, default: 0] += 1 } }

  public static func forget(_ path: String) {
    locked {
      if let n = paths[path], n > 1 { paths[path] = n - 1 } else { paths[path] = nil }
    }
  }

  /// Kills `pid` if mojoc is interrupted before `forget(child:)`.
  public static func kill(child pid: pid_t) { locked { _ = children.insert(pid) } }

  public static func forget(child pid: pid_t) { locked { _ = children.remove(pid) } }

  private static func undoEverything() {
    pthread_mutex_lock(&lock)  // never released: the process is ending
    for pid in children {
      Glibc.kill(pid, SIGKILL)
      var status: Int32 = 0
      while waitpid(pid, &status, 0) < 0 && errno == EINTR {}  // dead before its file is removed
    }
    for path in paths.keys { try? FileManager.default.removeItem(atPath: path) }
  }

  private static func locked(_ body: () -> Void) {
    guard installed else { return }
    pthread_mutex_lock(&lock)
    body()
    pthread_mutex_unlock(&lock)
  }

  static func signalSet() -> sigset_t {
    var set = sigset_t()
    sigemptyset(&set)
    for s in signals { sigaddset(&set, s) }
    return set
  }
}
