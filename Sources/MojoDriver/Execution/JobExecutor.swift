//! Runs independent jobs. The driver plans work as indexed jobs whose results land in slots;
//! how they run is behind this protocol, so tests and `-j1` can run everything on one thread.
import Dispatch
import Synchronization

/// Runs `count` independent jobs, each identified by its index.
public protocol JobExecutor: Sendable {
  /// Runs `body(i)` for every `i` in `0..<count` and returns when all have finished.
  func run(count: Int, _ body: @escaping @Sendable (Int) -> Void)
}

/// Runs jobs on up to `workers` threads with Dispatch.
public struct DispatchExecutor: JobExecutor {
  /// The number of jobs that may run at once.
  public let workers: Int
  public init(workers: Int) { self.workers = max(1, workers) }

  public func run(count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    if workers == 1 || count <= 1 {
      for i in 0..<count { body(i) }
      return
    }
    // Each worker takes the next job index from a shared counter: no job waits behind a slow
    // one assigned to the same worker.
    let next = JobCounter()
    DispatchQueue.concurrentPerform(iterations: min(workers, count)) { _ in
      while true {
        let i = next.take()
        if i >= count { return }
        body(i)
      }
    }
  }
}

/// Runs jobs one after another on the calling thread.
public struct SerialExecutor: JobExecutor {
  public init() {}
  public func run(count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    for i in 0..<count { body(i) }
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
  /// All slots, read after the jobs have finished.
  public var values: [T?] { Array(storage) }
}
