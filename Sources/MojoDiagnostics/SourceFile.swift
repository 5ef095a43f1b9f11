//! Source files as UTF-8 bytes, with a line table built once so that byte offsets turn into
//! 1-based line and column numbers (columns count bytes, as LANGUAGE.md §1 requires).

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One file of the project, immutable once read.
public final class SourceFile: Sendable {
  /// The path shown in diagnostics (the project folder joined with the relative path).
  public let path: String
  /// The file's path relative to the project root, e.g. `lib/stats.mojo`.
  public let relativePath: String
  /// The absolute path (symbolic links resolved) that a produced program names in its run-time
  /// errors, as Mojo 1.2 does; `path` when the loader did not resolve one.
  public let absolutePath: String
  /// The file contents.
  public let bytes: [UInt8]
  /// Byte offset of the first byte of every line.
  public let lineStarts: [Int]

  /// Wraps already-read bytes.
  public init(path: String, relativePath: String, bytes: [UInt8], absolutePath: String? = nil) {
    self.path = path
    self.relativePath = relativePath
    self.absolutePath = absolutePath ?? path
    self.bytes = bytes
    var starts = [0]
    starts.reserveCapacity(bytes.count / 24 + 1)
    // `memchr` scans many bytes per instruction; a byte loop costs about 5 instructions a byte.
    bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      var cursor = base
      let end = base + buffer.count
      while cursor < end, let found = memchr(cursor, 0x0A, end - cursor) {
        let newline = UnsafePointer(found.assumingMemoryBound(to: UInt8.self))
        starts.append(newline - base + 1)
        cursor = newline + 1
      }
    }
    self.lineStarts = starts
  }

  /// The 1-based line and byte column of `offset`.
  public func lineAndColumn(of offset: Int) -> (line: Int, column: Int) {
    var lo = 0, hi = lineStarts.count - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
    }
    return (lo + 1, offset - lineStarts[lo] + 1)
  }

  /// The bytes of 1-based line `line`, without its line break.
  public func lineText(_ line: Int) -> ArraySlice<UInt8> {
    let start = lineStarts[line - 1]
    var end = line < lineStarts.count ? lineStarts[line] : bytes.count
    while end > start && (bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D) { end -= 1 }
    return bytes[start..<end]
  }
}
