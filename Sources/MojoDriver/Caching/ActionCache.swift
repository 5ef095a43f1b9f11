//! The local action cache: a compile action's output (a module's object), stored under the
//! SHA-256 of the action (`ActionKey.swift`), in `$MOJOC_CACHE_DIR`, else
//! `$XDG_CACHE_HOME/mojoc`, else `~/.cache/mojoc`.
//!
//! - Three stores: `v1/ac/` holds compile actions' objects, `v1/stub/` source stubs
//!   (`SourceStub.swift`) and `v1/fe/` front-end records (`BuildRunner+Incremental.swift`).
//! - An entry is one file `v1/<store>/<key hex>`: a magic line, the SHA-256 of the payload, its length,
//!   then the payload. It is written to a private temporary file in the same folder and renamed
//!   into place, so a reader (another build sharing the cache) sees the whole old entry or the
//!   whole new one, never part of one; two builds storing the same key store the same bytes.
//! - Every read checks the magic, the length and the digest: a corrupted or truncated entry is
//!   deleted and reported as a miss, so the action runs again and stores a good entry.
//! - A hit sets the entry's modification time to now; when the entries exceed the size limit
//!   (`MOJOC_CACHE_MAX_SIZE`, bytes with an optional K/M/G suffix; 2G by default) the least
//!   recently used are deleted until they fill 80% of it.
import Glibc
import MojoHashing
import Synchronization

/// A content-addressed store of action outputs on the local disk.
public struct ActionCache: Sendable {
  /// The cache folder (holding `v1/`).
  public let root: String
  /// The size above which a trim deletes the least recently used entries.
  public let maxBytes: Int
  private func entries(_ store: Store) -> String { root + "/v1/" + store.rawValue }

  /// The stores of the cache, one folder each.
  enum Store: String, CaseIterable, Sendable {
    /// Compile actions' outputs (objects).
    case actions = "ac"
    /// Sources with their function bodies cut out, by source digest.
    case stubs = "stub"
    /// Front-end records: a module checked cleanly against given interfaces.
    case frontend = "fe"
  }

  static let magic = Array("mojoc-action-cache 1\n".utf8)
  static let headerSize = magic.count + 32 + 8

  /// A cache in `root`, trimmed to `maxBytes`.
  public init(root: String, maxBytes: Int = ActionCache.defaultMaxBytes) {
    self.root = root
    self.maxBytes = maxBytes
  }

  public static let defaultMaxBytes = 2 << 30

  /// The cache the environment names: `$MOJOC_CACHE_DIR`, `$XDG_CACHE_HOME/mojoc` or
  /// `$HOME/.cache/mojoc`, limited by `$MOJOC_CACHE_MAX_SIZE`; nil when none of them is set.
  public static func fromEnvironment() -> ActionCache? {
    func variable(_ name: String) -> String? {
      guard let value = getenv(name) else { return nil }
      let text = String(cString: value)
      return text.isEmpty ? nil : text
    }
    let root = variable("MOJOC_CACHE_DIR") ?? variable("XDG_CACHE_HOME").map { $0 + "/mojoc" }
      ?? variable("HOME").map { $0 + "/.cache/mojoc" }
    guard let root else { return nil }
    return ActionCache(root: root, maxBytes: variable("MOJOC_CACHE_MAX_SIZE").flatMap(parseSize) ?? defaultMaxBytes)
  }

  /// `4096`, `512K`, `100M`, `2G` as bytes; nil when malformed.
  public static func parseSize(_ text: String) -> Int? {
    let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
    if let last = text.last, let unit = units[Character(last.uppercased())] {
      return Int(text.dropLast()).map { $0 * unit }
    }
    return Int(text)
  }

  // MARK: - Entries

  /// What a lookup found.
  public enum Lookup: Equatable {
    case hit([UInt8])
    case miss
    /// The entry was there but damaged; it has been deleted.
    case corrupt
  }

  /// The payload stored under `key`, verified; a damaged entry is deleted.
  func lookup(_ key: Digest, store: Store = .actions) -> Lookup {
    let path = entries(store) + "/" + key.hex
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return .miss }
    defer { close(fd) }
    var status = stat()
    guard fstat(fd, &status) == 0 else { return .miss }
    // The header, then the payload straight into its own array (no copy of a whole entry).
    var header = [UInt8](repeating: 0, count: min(Int(status.st_size), Self.headerSize))
    var payload = [UInt8](repeating: 0, count: max(Int(status.st_size) - Self.headerSize, 0))
    guard Self.readAll(fd, into: &header), Self.readAll(fd, into: &payload), Self.verify(header: header, payload: payload) else {
      unlink(path)
      return .corrupt
    }
    // Least recently used first when trimming: a hit makes the entry new again.
    futimens(fd, nil)
    return .hit(payload)
  }

  /// Fills `bytes` from `fd`; false when the file ends first.
  private static func readAll(_ fd: Int32, into bytes: inout [UInt8]) -> Bool {
    var done = 0
    while done < bytes.count {
      let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + done, $0.count - done) }
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else { return false }
      done += n
    }
    return true
  }

  /// Stores `payload` under `key`, atomically; a failure to write only loses the entry.
  func store(_ key: Digest, _ payload: [UInt8], store: Store = .actions) {
    let entries = entries(store)
    guard makeFolder(entries) else { return }
    let temporary = entries + "/.\(key.hex).\(getpid()).\(Self.counter.wrappingAdd(1, ordering: .relaxed).oldValue).tmp"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard fd >= 0 else { return }
    let bytes = Self.encode(payload)
    var done = 0
    while done < bytes.count {
      let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + done, $0.count - done) }
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else { break }
      done += n
    }
    close(fd)
    if done != bytes.count || rename(temporary, entries + "/" + key.hex) != 0 { unlink(temporary) }
  }

  private static let counter = Atomic<Int>(0)

  /// An entry's file bytes for a payload.
  static func encode(_ payload: [UInt8]) -> [UInt8] {
    var bytes = magic
    bytes.reserveCapacity(headerSize + payload.count)
    bytes += SHA256.hash(payload).bytes
    for k in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: payload.count >> (k * 8))) }
    bytes += payload
    return bytes
  }

  /// The payload of an entry's file bytes, or nil when they are not a whole, intact entry.
  static func decode(_ bytes: [UInt8]) -> [UInt8]? {
    guard bytes.count >= headerSize else { return nil }
    let payload = Array(bytes[headerSize...])
    return verify(header: Array(bytes[..<headerSize]), payload: payload) ? payload : nil
  }

  /// True when `header` is an entry's header (magic, SHA-256 and length) for `payload`.
  static func verify(header: [UInt8], payload: [UInt8]) -> Bool {
    guard header.count == headerSize, header.starts(with: magic) else { return false }
    var length = 0
    for k in 0..<8 { length |= Int(header[magic.count + 32 + k]) << (k * 8) }
    guard length == payload.count else { return false }
    return SHA256.hash(payload).bytes[...] == header[magic.count..<(magic.count + 32)]
  }

  // MARK: - Size

  /// The entries' count and total size.
  public func stats() -> (entries: Int, bytes: Int) {
    let files = list()
    return (files.count, files.reduce(0) { $0 + $1.size })
  }

  /// The entries per store, as text: `4 objects, 4 stubs, 3 front-end records`.
  public func storeCounts() -> String {
    let files = list()
    func count(_ store: Store) -> Int { files.filter { $0.path.hasPrefix(entries(store) + "/") }.count }
    return "\(count(.actions)) objects, \(count(.stubs)) stubs, \(count(.frontend)) front-end records"
  }

  /// Deletes the least recently used entries while they exceed `maxBytes`, down to 80% of it;
  /// returns how many were deleted.
  @discardableResult
  public func trim() -> Int {
    var files = list()
    var total = files.reduce(0) { $0 + $1.size }
    guard total > maxBytes else { return 0 }
    files.sort { $0.modified < $1.modified }
    var deleted = 0
    for file in files where total > maxBytes / 5 * 4 {
      if unlink(file.path) == 0 { deleted += 1 }
      total -= file.size
    }
    return deleted
  }

  /// Deletes every entry (and stale temporary files); returns how many entries there were.
  @discardableResult
  public func clean() -> Int {
    let files = list(includingTemporary: true)
    for file in files { unlink(file.path) }
    return files.filter { !$0.name.hasPrefix(".") }.count
  }

  private struct File {
    var name: String
    var path: String
    var size: Int
    var modified: Int
  }

  private func list(includingTemporary: Bool = false) -> [File] {
    var files: [File] = []
    for store in Store.allCases {
      let entries = entries(store)
      guard let directory = opendir(entries) else { continue }
      defer { closedir(directory) }
      while let item = readdir(directory) {
        var raw = item.pointee.d_name
        let capacity = MemoryLayout.size(ofValue: raw)
        let name = withUnsafePointer(to: &raw) { $0.withMemoryRebound(to: CChar.self, capacity: capacity) { String(cString: $0) } }
        if name == "." || name == ".." || (name.hasPrefix(".") && !includingTemporary) { continue }
        var status = stat()
        let path = entries + "/" + name
        guard stat(path, &status) == 0 else { continue }
        files.append(File(name: name, path: path, size: Int(status.st_size),
                          modified: Int(status.st_mtim.tv_sec) * 1_000_000_000 + Int(status.st_mtim.tv_nsec)))
      }
    }
    return files
  }

  /// Creates `path` and its parents when missing; false when that fails.
  private func makeFolder(_ path: String) -> Bool {
    if access(path, W_OK | X_OK) == 0 { return true }
    var prefix = path.hasPrefix("/") ? "/" : ""
    for component in path.split(separator: "/") {
      prefix += (prefix.isEmpty || prefix.hasSuffix("/") ? "" : "/") + component
      mkdir(prefix, 0o755)
    }
    return access(path, W_OK | X_OK) == 0
  }
}
