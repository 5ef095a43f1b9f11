//! How mojoc's allocator returns memory. glibc serves a block of at least `M_MMAP_THRESHOLD`
//! bytes (128 KiB at start) with its own mapping, unmapped when freed; but each time such a
//! block is freed it raises the threshold to that block's size (up to 32 MiB), so that the
//! large tables of a big build (a part's emissions, a module's token buffer, an array grown by
//! doubling) end up in the heaps of the threads, which keep freed memory resident. A fixed
//! threshold of 1 MiB keeps them mapped: peak RSS of the 1M-line `prints` build 1.48 GB -> 1.16
//! GB, no measurable cost on a 100k-line build (README, "Memory").
import Glibc

enum MallocPolicy {
  /// `M_MMAP_THRESHOLD` of glibc's `<malloc.h>` (not in Swift's Glibc module).
  static let mmapThresholdParameter: Int32 = -3
  static let mmapThreshold: Int32 = 1 << 20

  /// Fixes the threshold once per process; false when the C library has no `mallopt`.
  static let applied: Bool = {
    guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return false }
    typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
    let mallopt = unsafeBitCast(symbol, to: MallOpt.self)
    return mallopt(mmapThresholdParameter, mmapThreshold) == 1
  }()
}
