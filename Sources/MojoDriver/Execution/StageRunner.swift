//! Runs the driver's stages: serial stages on the driver thread, parallel stages as job lists
//! through the executor. When profiling is on it records one span per stage on the driver's
//! track and one per job on the worker's track; when off it reads no clock at all.
import MojoCodegen
import MojoProfiling

/// Runs stages and jobs, recording spans and progress when asked to.
struct StageRunner: Sendable {
  let executor: any JobExecutor
  let recorder: SpanRecorder?
  let progress: ProgressLine?

  /// Runs a serial stage (or the driver's side of a parallel one) on the calling thread.
  func stage<T>(_ phase: Phase, _ body: () throws -> T) rethrows -> T {
    progress?.beginStage(phase.name)
    guard let recorder else { return try body() }
    return try recorder.measure(phase, track: 0, body)
  }

  /// Runs every job of a parallel stage and returns when all have finished.
  func run(_ jobs: [Job], _ body: @escaping @Sendable (Job, JobContext) -> Void) {
    progress?.beginBatch(jobs)
    let recorder = self.recorder, progress = self.progress
    executor.run(jobs) { job, worker in
      progress?.jobStarted(job)
      let context = JobContext(recorder: recorder, track: worker + 1, executor: executor)
      if let recorder, job.kind == .checkAndCompile {
        CurrentJob.with(recorder, track: worker + 1) { body(job, context) }
      } else if let recorder {
        let open = recorder.begin()
        // Bound to the thread so that lowering and backends can time single functions.
        CurrentJob.with(recorder, track: worker + 1) { body(job, context) }
        recorder.end(open, phase: job.kind.phase, label: job.moduleName, track: worker + 1)
      } else {
        body(job, context)
      }
      progress?.jobFinished()
    }
  }
}

/// What a running job may use: nested spans on its worker's track, and the executor for work
/// the job splits into parts.
struct JobContext: Sendable {
  let recorder: SpanRecorder?
  let track: Int
  var executor: (any JobExecutor)? = nil

  /// Runs `body(i)` for `i` in `0..<count` through the executor (serially without one): the
  /// parts of one job, named after `module`. Parts record no spans of their own.
  func parallelFor(module: String) -> ParallelFor {
    guard let executor, executor.workerCount > 1 else { return serialFor }
    return { count, body in
      let jobs = (0..<count).map { Job(kind: .codegenPart, index: $0, moduleName: module) }
      executor.run(jobs) { job, _ in body(job.index) }
    }
  }

  /// Runs `body` inside a job span: one step of a job that records its own (a
  /// `.checkAndCompile` job's check, then its compile).
  func measureJob<T>(_ phase: Phase, _ label: String, _ body: () throws -> T) rethrows -> T {
    guard let recorder else { return try body() }
    return try recorder.measure(phase, label, track: track, body)
  }

  /// Runs `body` inside a detail span (dropped from traces below the granularity).
  func measure<T>(_ phase: Phase, _ label: String, _ body: () throws -> T) rethrows -> T {
    guard let recorder else { return try body() }
    return try recorder.measure(phase, label, track: track, isDetail: true, body)
  }

  /// A context that records nothing, for callers outside a stage.
  static let untraced = JobContext(recorder: nil, track: 0)
}
