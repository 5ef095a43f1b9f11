//! Lets code below the driver (lowering, a backend) time single functions without knowing
//! about recorders or tracks: while the driver runs a profiled job it binds the job's recorder
//! and track to the thread, and `CurrentJob.measure` records a span there. When profiling is
//! off nothing is bound, and `measure` costs one thread-local read and reads no clock.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The profiled job running on this thread, if any.
public enum CurrentJob {
  /// What is bound to a thread while a profiled job runs on it.
  final class Binding {
    let recorder: SpanRecorder
    let track: Int
    init(recorder: SpanRecorder, track: Int) {
      self.recorder = recorder
      self.track = track
    }
  }

  /// The thread-local slot (created once; never deleted).
  static let key: pthread_key_t = {
    var key = pthread_key_t()
    pthread_key_create(&key, nil)
    return key
  }()

  /// Runs `body` with `recorder` and `track` bound to the calling thread.
  public static func with<T>(_ recorder: SpanRecorder, track: Int, _ body: () throws -> T) rethrows -> T {
    let binding = Unmanaged.passRetained(Binding(recorder: recorder, track: track))
    let previous = pthread_getspecific(key)
    pthread_setspecific(key, binding.toOpaque())
    defer {
      pthread_setspecific(key, previous)
      binding.release()
    }
    return try body()
  }

  /// Runs `body` inside a detail span named `name` of `phase` (say `.lowerFunction`) when a
  /// profiled job runs on this thread; otherwise just runs it.
  @inline(__always)
  public static func measure<T>(_ phase: Phase, _ name: @autoclosure () -> String, _ body: () throws -> T) rethrows -> T {
    guard let raw = pthread_getspecific(key) else { return try body() }
    let binding = Unmanaged<Binding>.fromOpaque(raw).takeUnretainedValue()
    return try binding.recorder.measure(phase, name(), track: binding.track, isDetail: true, body)
  }
}
