//! The key of a module's compile action: the SHA-256 of everything its object depends on.
//!
//! What a module's object depends on in mojoc:
//! - its own source and name (lowering reads only its own tree);
//! - of the modules it reaches through imports (its declared inputs are their interfaces,
//!   `MojoSema/ModuleInterface.swift`), only the declarations it can read
//!   (`Caching/DependencyManifest.swift`): signatures and symbols it calls, field layouts of
//!   structs it uses (a struct reached through an imported signature is declared by a module
//!   that signature's module imports), folded `comptime` values and defaults it inlines;
//! - the instances of generic functions lowered into it: an instance lands in the module that
//!   defines the generic function, whichever module asked for it, so the list of instance
//!   symbols is part of the key, and with any instance the interfaces of all modules (a type
//!   argument's layout may come from a module this one does not import);
//! - the compiler: version, the executable's build ID (any change to mojoc itself), the stencil
//!   library's digest and the runtime object's digest;
//! - the flags that change objects: backend and optimization level.
//! Worker count, verification, warnings and timings do not change objects and are not in it.
import Glibc
import MojoCopyPatch
import MojoHashing
import MojoRuntime

/// mojoc's version, printed by `mojoc --version` and part of every action key.
public let mojocVersion = "0.1.0"

/// Computes compile-action keys.
enum ActionKey {
  /// What identifies the compiler in every key.
  static func compilerIdentity() -> String {
    "mojoc \(mojocVersion) build-id \(executableBuildID() ?? executableFileIdentity()) stencils \(StencilLibrary.digest)"
      + " runtime \(SHA256.hash(RuntimeObject.bytes).hex)"
  }

  /// The flags that change a module's object, as key text.
  static func flags(_ options: BuildOptions) -> String {
    switch options.backend {
    case .cnp: "backend cnp"
    case .llvm: "backend llvm -O\(options.optimization.rawValue)"
    }
  }

  /// The key of a compile action: the compiler, the flags, the action and the digest of each
  /// of its declared inputs (`digest(input)`; nil for an input with nothing to hash), except
  /// that the imported modules' interfaces are replaced by the digest of the module's dependency
  /// manifest (`dependencies`: the declarations of those modules it can read).
  static func key(_ action: Action, compiler: String, flags: String, dependencies: Digest,
                  digest: (Artifact) -> Digest?) -> Digest {
    var hasher = SHA256()
    hasher.update("mojoc-compile-action 3\ncompiler \(compiler)\nflags \(flags)\naction \(action.kind)\n")
    hasher.update("dependencies ")
    hasher.update(dependencies.bytes)
    for input in action.inputs {
      if case .interface = input { continue }
      hasher.update("input \(input) ")
      hasher.update(digest(input)?.bytes ?? Array("-".utf8))
    }
    return hasher.finalize()
  }

  /// The digest of the instances lowered into a module: their symbols and, when there are any,
  /// the interface of every module (a type argument's layout may come from any of them).
  static func instancesDigest(symbols: [String], interfaces: [(name: String, digest: Digest)]) -> Digest {
    var text = ""
    for symbol in symbols.sorted() { text += "instance \(symbol)\n" }
    if !symbols.isEmpty {
      for (name, digest) in interfaces.sorted(by: { $0.name < $1.name }) { text += "interface \(name) \(digest.hex)\n" }
    }
    return SHA256.hash(Array(text.utf8))
  }

  /// Size, modification time and inode of the running executable, for an executable without a
  /// build ID.
  static func executableFileIdentity() -> String {
    var status = stat()
    guard stat("/proc/self/exe", &status) == 0 else { return "unknown" }
    return "file \(status.st_size) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec) \(status.st_ino)"
  }

  /// The GNU build ID of the running executable (a hash of its contents the linker records),
  /// as hex; nil when it has none.
  static func executableBuildID() -> String? {
    let fd = open("/proc/self/exe", O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    func read(_ count: Int, at offset: Int) -> [UInt8]? {
      guard count > 0, count < 1 << 20 else { return nil }
      var bytes = [UInt8](repeating: 0, count: count)
      let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, count, off_t(offset)) }
      return n == count ? bytes : nil
    }
    func integer(_ bytes: [UInt8], _ at: Int, _ size: Int) -> Int {
      (0..<size).reduce(0) { $0 | Int(bytes[at + $1]) << ($1 * 8) }
    }
    // ELF64 little-endian: program headers at e_phoff (32), e_phentsize (54), e_phnum (56).
    guard let header = read(64, at: 0), header.starts(with: [0x7F, 0x45, 0x4C, 0x46, 2, 1]) else { return nil }
    let tableOffset = integer(header, 32, 8), entrySize = integer(header, 54, 2), count = integer(header, 56, 2)
    guard let table = read(entrySize * count, at: tableOffset) else { return nil }
    for k in 0..<count where integer(table, k * entrySize, 4) == 4 {  // PT_NOTE
      let offset = integer(table, k * entrySize + 8, 8), size = integer(table, k * entrySize + 32, 8)
      guard let notes = read(size, at: offset) else { continue }
      var at = 0
      while at + 12 <= notes.count {
        let nameSize = integer(notes, at, 4), descriptionSize = integer(notes, at + 4, 4), type = integer(notes, at + 8, 4)
        let descriptionStart = at + 12 + (nameSize + 3) / 4 * 4
        guard descriptionStart + descriptionSize <= notes.count else { break }
        if type == 3 && nameSize == 4 && notes[(at + 12)..<(at + 15)].elementsEqual("GNU".utf8) {
          return Digest(bytes: Array(notes[descriptionStart..<(descriptionStart + descriptionSize)])).hex
        }
        at = descriptionStart + (descriptionSize + 3) / 4 * 4
      }
    }
    return nil
  }
}
