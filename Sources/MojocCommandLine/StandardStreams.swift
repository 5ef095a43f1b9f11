//! Writing straight to standard output and standard error (file descriptors 1 and 2, not
//! through `print`'s buffer), without Foundation's `FileHandle`.
import Glibc

enum StandardStreams {
  /// Writes `text` to standard error.
  static func error(_ text: String) { write(text, to: 2) }

  /// Writes `text` to standard output.
  static func output(_ text: String) { write(text, to: 1) }

  /// Writes all of `text` to `fd`, retrying after signals; gives up silently on an error (a
  /// closed stream has nobody left to tell).
  private static func write(_ text: String, to fd: Int32) {
    var text = text
    text.withUTF8 { bytes in
      var written = 0
      while written < bytes.count {
        let n = Glibc.write(fd, bytes.baseAddress! + written, bytes.count - written)
        if n < 0 && errno == EINTR { continue }
        guard n > 0 else { return }
        written += n
      }
    }
  }
}
