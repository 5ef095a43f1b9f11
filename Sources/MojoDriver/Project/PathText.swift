//! File paths as text, and what is at a path: the few operations the driver needs, without
//! Foundation's `NSString` path methods (mojoc does not link Foundation, only its Essentials).
import Glibc

enum PathText {
  /// The folder part of `path` ("" when it has none), as `NSString.deletingLastPathComponent`:
  /// "a/b.mojo" -> "a", "b.mojo" -> "", "/x" -> "/".
  static func folder(of path: String) -> String {
    var trimmed = Substring(path)
    while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
    guard let slash = trimmed.lastIndex(of: "/") else { return "" }
    return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
  }

  /// The last component of `path`, trailing slashes ignored: "a/b.mojo" -> "b.mojo".
  static func lastComponent(of path: String) -> String {
    var trimmed = Substring(path)
    while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
    return trimmed.lastIndex(of: "/").map { String(trimmed[trimmed.index(after: $0)...]) } ?? String(trimmed)
  }

  /// `folder` and `name` joined by one slash ("" joins nothing).
  static func join(_ folder: String, _ name: String) -> String {
    folder.isEmpty ? name : folder.hasSuffix("/") ? folder + name : folder + "/" + name
  }

  /// The absolute form of `path` with symbolic links resolved (`realpath`), or `path` itself
  /// when it cannot be resolved.
  static func resolved(_ path: String) -> String {
    guard let resolved = realpath(path, nil) else { return path }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// What is at `path` (symbolic links followed), or nil when nothing is.
  enum Kind { case file, directory }
  static func kind(of path: String) -> Kind? {
    var status = stat()
    guard stat(path, &status) == 0 else { return nil }
    return status.st_mode & S_IFMT == S_IFDIR ? .directory : .file
  }
}
