//! Records timed spans without locks, as llvm's `TimeProfiler.cpp` does: every track (the driver
//! thread, and each worker of the parallel phases) appends to its own buffer, and the buffers
//! are merged only after the build, when no job runs any more.

/// One finished, timed piece of work.
public struct Span: Sendable, Equatable {
  /// What kind of work it was.
  public var phase: Phase
  /// What it worked on: a module name, or empty for a whole stage.
  public var label: String
  /// Start in nanoseconds since the recorder was made.
  public var start: UInt64
  /// Wall time in nanoseconds.
  public var duration: UInt64
  /// CPU time of the recording thread during the span, in nanoseconds.
  public var cpu: UInt64
  /// 0 for the driver's own timeline, `1...workerCount` for the workers.
  public var track: Int
  /// Detail spans (sub-steps of a job) are dropped from traces when shorter than the
  /// granularity; stage and job spans are always kept.
  public var isDetail: Bool

  public init(phase: Phase, label: String, start: UInt64, duration: UInt64, cpu: UInt64, track: Int,
              isDetail: Bool = false) {
    self.phase = phase
    self.label = label
    self.start = start
    self.duration = duration
    self.cpu = cpu
    self.track = track
    self.isDetail = isDetail
  }

  /// End in nanoseconds since the recorder was made.
  public var end: UInt64 { start + duration }
}

/// The clock readings at the start of a span, handed back to `SpanRecorder.end`.
public struct OpenSpan: Sendable {
  let wall: UInt64
  let cpu: UInt64
}

/// Per-track span buffers. Track `t` must only be written by one thread at a time (the driver
/// thread for track 0, the thread running as worker `t` for the others); `spans()` must only be
/// called after all writers have finished.
public final class SpanRecorder: @unchecked Sendable {
  /// The number of worker tracks (track 0 is the driver).
  public let workerCount: Int
  private let origin: UInt64
  private let buffers: UnsafeMutableBufferPointer<[Span]>

  public init(workerCount: Int) {
    self.workerCount = max(1, workerCount)
    origin = ProfileClock.now()
    buffers = .allocate(capacity: self.workerCount + 1)
    buffers.initialize(repeating: [])
  }

  deinit {
    buffers.deinitialize()
    buffers.deallocate()
  }

  /// Reads the clocks at the start of a span.
  @inline(__always)
  public func begin() -> OpenSpan {
    OpenSpan(wall: ProfileClock.now(), cpu: ProfileClock.threadCPU())
  }

  /// Closes a span begun with `begin()` on the same thread and appends it to `track`.
  public func end(_ open: OpenSpan, phase: Phase, label: String = "", track: Int, isDetail: Bool = false) {
    let cpu = ProfileClock.threadCPU() &- open.cpu
    let wall = ProfileClock.now()
    append(Span(phase: phase, label: label, start: open.wall &- origin, duration: wall &- open.wall, cpu: cpu,
                track: track, isDetail: isDetail))
  }

  /// Appends an already measured span (for work done outside this thread, such as the linker).
  public func append(_ span: Span) {
    precondition(span.track >= 0 && span.track <= workerCount, "span track out of range")
    buffers[span.track].append(span)
  }

  /// Runs `body` inside a span.
  @inline(__always)
  public func measure<T>(_ phase: Phase, _ label: String = "", track: Int, isDetail: Bool = false,
                         _ body: () throws -> T) rethrows -> T {
    let open = begin()
    defer { end(open, phase: phase, label: label, track: track, isDetail: isDetail) }
    return try body()
  }

  /// Nanoseconds since the recorder was made.
  public func elapsed() -> UInt64 { ProfileClock.now() &- origin }

  /// All spans, by track, then start, then longest first (a parent before its children).
  public func spans() -> [Span] {
    var all: [Span] = []
    for buffer in buffers { all += buffer }
    all.sort { a, b in
      if a.track != b.track { return a.track < b.track }
      if a.start != b.start { return a.start < b.start }
      return a.duration > b.duration
    }
    return all
  }
}

/// Everything a finished build measured, for the trace writer and the timings report.
public struct BuildProfile: Sendable {
  public var spans: [Span]
  public var workerCount: Int
  /// Peak resident set size of the compiler process, in bytes.
  public var peakResidentBytes: UInt64
  /// CPU time of the linker process, in nanoseconds.
  public var linkerCPU: UInt64

  public init(spans: [Span], workerCount: Int, peakResidentBytes: UInt64, linkerCPU: UInt64) {
    self.spans = spans
    self.workerCount = workerCount
    self.peakResidentBytes = peakResidentBytes
    self.linkerCPU = linkerCPU
  }
}
