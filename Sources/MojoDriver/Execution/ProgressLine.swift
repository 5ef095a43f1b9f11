//! The progress line of a long build: when the caller found stderr to be a terminal, a build
//! still running after half a second shows one line `[done/total] phase module`, rewritten in
//! place ten times a second and erased at the end. Workers only touch atomics; the short lock
//! guards the job list, which changes once per stage.
import Dispatch
import FoundationEssentials
import Glibc
import Synchronization

/// A self-updating `[done/total] phase module` line on a terminal. Unchecked `Sendable`: the
/// timer is only started and cancelled by the driver thread; everything else is atomic or locked.
public final class ProgressLine: @unchecked Sendable {
  private let fileDescriptor: Int32
  private let delay: DispatchTimeInterval
  private let done = Atomic<Int>(0)
  private let total = Atomic<Int>(0)
  private let planned = Atomic<Bool>(false)
  /// The index of the most recently started job of the current batch.
  private let current = Atomic<Int>(-1)
  private let labels = Mutex<(phase: String, modules: [String])>(("", []))
  private let queue = DispatchQueue(label: "mojoc.progress")
  /// Made and resumed in `start()` (libdispatch traps on releasing a never-resumed source).
  private var timer: DispatchSourceTimer?
  /// Set once the line has been drawn (read and written only on `queue`).
  private let drawn = Atomic<Bool>(false)

  /// A progress line written to `fileDescriptor` (stderr by default) once the build has run
  /// for `delay`. The caller decides whether that is a terminal.
  public init(fileDescriptor: Int32 = 2, delay: DispatchTimeInterval = .milliseconds(500)) {
    self.fileDescriptor = fileDescriptor
    self.delay = delay
  }

  /// Starts the clock; the line appears after the delay.
  func start() {
    let timer = DispatchSource.makeTimerSource(queue: queue)
    timer.schedule(deadline: .now() + delay, repeating: .milliseconds(100))
    timer.setEventHandler { [weak self] in self?.draw() }
    timer.resume()
    self.timer = timer
  }

  /// Stops updating and erases the line.
  func finish() {
    guard let timer else { return }
    timer.cancel()
    self.timer = nil
    queue.sync {
      if drawn.load(ordering: .relaxed) { write("\r\u{1B}[K") }
    }
  }

  /// A serial stage begins: one more step, named by the stage.
  func beginStage(_ phase: String) {
    labels.withLock { $0 = (phase, []) }
    current.store(-1, ordering: .relaxed)
  }

  /// A parallel stage begins with `jobs`. Until `planRemaining` is called (once the modules
  /// are known) the total grows with each batch.
  func beginBatch(_ jobs: [Job]) {
    let phase = jobs.first?.kind.phase.name ?? ""
    labels.withLock { $0 = (phase, jobs.map(\.moduleName)) }
    current.store(-1, ordering: .relaxed)
    if !planned.load(ordering: .relaxed) { total.add(jobs.count, ordering: .relaxed) }
  }

  /// Fixes the total: the jobs done so far plus `jobs` more.
  func planRemaining(jobs: Int) {
    planned.store(true, ordering: .relaxed)
    total.store(done.load(ordering: .relaxed) + jobs, ordering: .relaxed)
  }

  func jobStarted(_ job: Job) { current.store(job.index, ordering: .relaxed) }

  func jobFinished() { done.add(1, ordering: .relaxed) }

  /// The text of the line now.
  func line() -> String {
    let (phase, modules) = labels.withLock { $0 }
    let index = current.load(ordering: .relaxed)
    let module = modules.indices.contains(index) ? " " + modules[index] : ""
    return "[\(done.load(ordering: .relaxed))/\(total.load(ordering: .relaxed))] \(phase)\(module)"
  }

  private func draw() {
    drawn.store(true, ordering: .relaxed)
    write("\r\u{1B}[K" + line())
  }

  private func write(_ text: String) {
    var bytes = Array(text.utf8)
    _ = bytes.withUnsafeMutableBytes { Glibc.write(fileDescriptor, $0.baseAddress, $0.count) }
  }
}
