//! Where a build writes. Without `-o` an executable is named after the project folder or the
//! file (`mojoc build app/` writes `./app`, `mojoc build hello.mojo` writes `./hello`), as
//! `mojo build` and `go build` do. Outputs that would destroy a source file or cannot be
//! written (directories, device nodes, a file where `--emit obj` wants a folder) are refused
//! before any work, with one line naming the path.
import FoundationEssentials
import Glibc

/// Output naming and checks of a build.
public enum BuildOutput {
  /// The executable path used when `-o` is absent: the project folder's or the file's name
  /// (without `.mojo`), in the current directory.
  public static func defaultExecutable(for input: String) -> String {
    let url = URL(fileURLWithPath: input).standardizedFileURL
    let name = PathText.kind(of: url.path) == .file ? url.deletingPathExtension().lastPathComponent : url.lastPathComponent
    return name.isEmpty || name == "/" ? "program" : name
  }

  /// The private file a link writes before renaming it to `output`: in the same folder (so the
  /// rename is atomic), hidden, and short enough for NAME_MAX (255 bytes) whatever the length
  /// of `output`'s name.
  public static func temporaryPath(for output: String) -> String {
    let folder = output.lastIndex(of: "/").map { output[...$0] } ?? ""
    var stem = ""
    for character in output[folder.endIndex...] {
      if stem.utf8.count + String(character).utf8.count > 200 { break }
      stem.append(character)
    }
    return "\(folder).\(stem).mojoc-\(getpid()).tmp"
  }

  /// Throws when `path` cannot receive what `emit` writes there, or would overwrite the
  /// source `input`.
  static func check(_ path: String, emit: EmitKind, input: String, isDefault: Bool) throws(DriverError) {
    var status = stat()
    let exists = stat(path, &status) == 0
    let kind = status.st_mode & S_IFMT
    let hint = isDefault ? " (name the output with -o)" : ""
    if emit == .obj {
      if exists && kind != S_IFDIR {
        throw .invalidOutput(path, "--emit obj writes one object per module into a folder, and this is not a folder")
      }
      return
    }
    if exists {
      if kind == S_IFDIR { throw .invalidOutput(path, "it is a directory\(hint)") }
      if kind != S_IFREG { throw .invalidOutput(path, "it is a device or other special file, not a regular file") }
      var source = stat()
      if stat(input, &source) == 0 && source.st_dev == status.st_dev && source.st_ino == status.st_ino {
        throw .invalidOutput(path, "it is the source file being compiled\(hint)")
      }
      if path.hasSuffix(".mojo") { throw .invalidOutput(path, "it is a Mojo source file") }
    }
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
    var folderStatus = stat()
    guard stat(folder, &folderStatus) == 0, folderStatus.st_mode & S_IFMT == S_IFDIR else {
      throw .invalidOutput(path, "no such directory '\(folder)'")
    }
  }
}

extension BuildOptions {
  /// The executable a `--emit exe` build writes: `-o`, or the default name.
  public var executablePath: String { output ?? BuildOutput.defaultExecutable(for: input) }
}
