//! Clock reads for spans: monotonic wall time and the calling thread's CPU time, both in
//! nanoseconds. Only called when profiling is on, so a build without `--time-trace` or
//! `--timings` reads no clock.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Nanosecond clocks used by the span recorder.
public enum ProfileClock {
  /// Monotonic wall time in nanoseconds (arbitrary origin).
  @inline(__always)
  public static func now() -> UInt64 { read(CLOCK_MONOTONIC) }

  /// CPU time consumed so far by the calling thread, in nanoseconds.
  @inline(__always)
  public static func threadCPU() -> UInt64 { read(CLOCK_THREAD_CPUTIME_ID) }

  /// CPU time (user + system) of finished child processes (the linker), in nanoseconds.
  public static func childrenCPU() -> UInt64 {
    var usage = rusage()
    getrusage(who(RUSAGE_CHILDREN), &usage)
    return nanoseconds(usage.ru_utime) + nanoseconds(usage.ru_stime)
  }

  /// Peak resident set size of this process in bytes (`ru_maxrss` is in KiB on Linux).
  public static func peakResidentBytes() -> UInt64 {
    var usage = rusage()
    getrusage(who(RUSAGE_SELF), &usage)
    #if canImport(Darwin)
    return UInt64(usage.ru_maxrss)
    #else
    return UInt64(usage.ru_maxrss) * 1024
    #endif
  }

  #if canImport(Glibc)
  /// Glibc imports the `who` constants as an enum but `getrusage` takes its raw value.
  private static func who(_ value: __rusage_who) -> __rusage_who_t { __rusage_who_t(value.rawValue) }
  #else
  private static func who(_ value: Int32) -> Int32 { value }
  #endif

  private static func nanoseconds(_ t: timeval) -> UInt64 {
    UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_usec) * 1000
  }

  @inline(__always)
  private static func read(_ clock: clockid_t) -> UInt64 {
    var t = timespec()
    clock_gettime(clock, &t)
    return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
  }
}
