//! Loading libLLVM at run time. mojoc does not link LLVM (its loader and static initialisers
//! cost every process about 17 ms, and most builds use the copy-and-patch backend), so the
//! library is opened with `dlopen` on first use, with `RTLD_LOCAL`, and its entry points are
//! resolved into the table `llvm` through which every wrapper of this target calls.
internal import CLLVM
import ProcessKit
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The LLVM shared library of the process: found, opened and resolved once.
public enum LLVMLibrary {
  /// File names of LLVM 19's shared library as Debian and Ubuntu ship it, tried in order through
  /// the dynamic loader's search path.
  public static let sonames = ["libLLVM.so.19.1", "libLLVM-19.so", "libLLVM.so.19"]

  /// The loaded table, or the failure of the first attempt; nil before any attempt.
  private static let state = Mutex<Result<UnsafeMutablePointer<MojocLLVM>, LLVMKitError>?>(nil)

  /// Opens libLLVM and resolves every entry point LLVMKit uses. Only the first call of the
  /// process does work; later calls return its outcome, whatever `path` they give.
  /// - Parameter path: the library file to open; nil tries `sonames`, then the same names in
  ///   the directory `llvm-config-19 --libdir` prints.
  public static func load(path: String? = nil) throws(LLVMKitError) {
    _ = try table(path: path)
  }

  static func table(path: String?) throws(LLVMKitError) -> UnsafeMutablePointer<MojocLLVM> {
    try state.withLock { (state) throws(LLVMKitError) in
      if state == nil { state = Result { () throws(LLVMKitError) in try open(path: path) } }
      return try state!.get()
    }
  }

  /// Opens the first candidate file that exists and resolves the entry points from it.
  private static func open(path: String?) throws(LLVMKitError) -> UnsafeMutablePointer<MojocLLVM> {
    var opened = openFirst(of: path.map { [$0] } ?? sonames)
    if opened == nil, path == nil, let directory = configuredLibraryDirectory() {
      opened = openFirst(of: sonames.map { "\(directory)/\($0)" })
    }
    guard let (file, handle) = opened else {
      if let path {
        throw .libraryUnavailable(message: dlerror().map { String(cString: $0) } ?? "cannot open \(path)")
      }
      throw .libraryUnavailable(message: "none of \(sonames.joined(separator: ", ")) found (Debian package libllvm19)")
    }
    let table = UnsafeMutablePointer<MojocLLVM>.allocate(capacity: 1)
    if let missing = mojoc_llvm_resolve(handle, table) {
      table.deallocate()
      dlclose(handle)
      throw .libraryUnavailable(message: "\(file) has no \(String(cString: missing)) (not LLVM 19?)")
    }
    return table
  }

  /// The first of `files` that dlopen opens, with its handle; the library stays open for the
  /// life of the process.
  private static func openFirst(of files: [String]) -> (String, UnsafeMutableRawPointer)? {
    for file in files {
      if let handle = dlopen(file, RTLD_LAZY | RTLD_LOCAL) { return (file, handle) }
    }
    return nil
  }

  /// The directory `llvm-config-19 --libdir` prints, when that tool is installed.
  private static func configuredLibraryDirectory() -> String? {
    guard let tool = ChildProcess.find("llvm-config-19"),
          let result = try? ChildProcess([tool, "--libdir"], standardOutput: .capture).run(), result.status == 0
    else { return nil }
    var directory = result.outputText
    while directory.last?.isWhitespace == true { directory.removeLast() }
    return directory.isEmpty ? nil : directory
  }
}

/// LLVM's entry points. The first use loads the library if no `LLVMLibrary.load` call did; a
/// failure then stops the process, so drivers call `LLVMLibrary.load` first to report it.
let llvm: MojocLLVM = {
  do {
    return try LLVMLibrary.table(path: nil).pointee
  } catch {
    fatalError("LLVMKit: \(error)")
  }
}()
