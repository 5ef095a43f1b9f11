//! Runs independent jobs. The driver plans each parallel stage as a list of `Job` values whose
//! results land in slots indexed by the job's module; how they run is behind this protocol, so
//! `-j1` runs everything on one thread and tests can record the plan with a fake.
import Dispatch
import Synchronization

/// Runs a batch of independent jobs.
public protocol JobExecutor: Sendable {
  /// How many jobs may run at once; worker indices passed to `body` are `0..<workerCount`.
  var workerCount: Int { get }
  /// Runs `body(job, worker)` for every job and returns when all have finished. A worker index
  /// is used by one thread at a time, so per-worker buffers need no lock.
  func run(_ jobs: [Job], _ body: @escaping @Sendable (_ job: Job, _ worker: Int) -> Void)
}

/// Runs jobs on up to `workers` threads with Dispatch.
public struct DispatchExecutor: JobExecutor {
  public let workerCount: Int
  public init(workers: Int) { self.workerCount = max(1, workers) }

  public func run(_ jobs: [Job], _ body: @escaping @Sendable (Job, Int) -> Void) {
    if workerCount == 1 || jobs.count <= 1 {
      for job in jobs { body(job, 0) }
      return
    }
    // Each worker takes the next job from a shared counter: no job waits behind a slow one
    // assigned to the same worker. The iteration index of `concurrentPerform` is the worker.
    let next = JobCounter()
    DispatchQueue.concurrentPerform(iterations: min(workerCount, jobs.count)) { worker in
      while true {
        let i = next.take()
        if i >= jobs.count { return }
        body(jobs[i], worker)
      }
    }
  }
}

/// Runs jobs one after another on the calling thread (`-j1`).
public struct SerialExecutor: JobExecutor {
  public init() {}
  public var workerCount: Int { 1 }
  public func run(_ jobs: [Job], _ body: @escaping @Sendable (Job, Int) -> Void) {
    for job in jobs { body(job, 0) }
  }
}

/// A shared job index handed out with one atomic increment (no lock).
final class JobCounter: Sendable {
  private let value = Atomic<Int>(0)
  func take() -> Int { value.wrappingAdd(1, ordering: .relaxed).oldValue }
}

/// Result slots written by parallel jobs: each job writes only its own index, so no two
/// threads touch the same element, and the buffer is read only after all jobs finished.
public final class ResultSlots<T>: @unchecked Sendable {
  private let storage: UnsafeMutableBufferPointer<T?>
  public init(count: Int) {
    storage = .allocate(capacity: count)
    storage.initialize(repeating: nil)
  }
  deinit {
    storage.deinitialize()
    storage.deallocate()
  }
  public subscript(i: Int) -> T? {
    get { storage[i] }
    set { storage[i] = newValue }
  }
  /// Moves the value out of slot `i`, leaving it empty, so the slot no longer keeps it alive.
  public func take(_ i: Int) -> T? {
    let value = storage[i]
    storage[i] = nil
    return value
  }
  /// All slots, read after the jobs have finished.
  public var values: [T?] { Array(storage) }
}
