//! A module's dependency manifest, as ccache keeps one per source: the declarations of other
//! modules its check and lowering can read (`MojoSema/ModuleDependencies.swift`), each with the
//! SHA-256 of its description when the module was last checked. A module's front-end record is
//! keyed by its source alone and holds its manifest; the record holds (its bodies need no
//! checking) when every listed declaration still has the recorded digest. The manifest's own
//! digest replaces the interfaces of the imported modules in the compile action's key, so a
//! changed signature recompiles only the modules that can see that declaration — `from b import
//! f` reaching f in d through b's import lists d's f; `b.c.f()` lists b's and c's name tables.
import MojoHashing
import MojoSema

struct DependencyManifest: Sendable, Equatable {
  /// Entity identifiers (`Program.dependencyID`), sorted, with the digest of each one's
  /// description.
  var entries: [Entry]

  struct Entry: Sendable, Equatable {
    var id: String
    var digest: Digest
  }

  /// The manifest listing `entities` (module `m`'s reach, `reach(of:in:)`) with their digests.
  init(_ program: Program, entities: [DependencyEntity], digests: DependencyDigests) {
    entries = entities.map { Entry(id: program.dependencyID($0), digest: digests[$0]) }.sorted { $0.id < $1.id }
  }

  init(entries: [Entry]) { self.entries = entries }

  /// What module `m` of `program` can read of the others, from its full syntax tree's names.
  static func reach(of m: Int, in program: Program) -> [DependencyEntity] {
    program.dependencies(of: m, words: Set(program.modules[m].tree.names))
  }

  /// What keys the module's object instead of its imports' interfaces.
  var digest: Digest {
    var hasher = SHA256()
    hasher.update("mojoc-dependencies 1\n")
    for entry in entries {
      hasher.update(entry.id + "\n")
      hasher.update(entry.digest.bytes)
    }
    return hasher.finalize()
  }

  /// The declarations the entries name in `program`; nil when one names nothing there (a module
  /// or declaration that no longer exists).
  func entities(in program: Program) -> [DependencyEntity]? {
    var entities: [DependencyEntity] = []
    entities.reserveCapacity(entries.count)
    for entry in entries {
      guard let entity = program.dependencyEntity(id: entry.id) else { return nil }
      entities.append(entity)
    }
    return entities
  }

  /// True when each of `entities` (this manifest's, `entities(in:)`) still has its recorded
  /// description's digest.
  func holds(_ entities: [DependencyEntity], digests: DependencyDigests) -> Bool {
    zip(entries, entities).allSatisfy { entry, entity in digests[entity] == entry.digest }
  }

  /// A front-end record: the module's own interface digest, then the manifest, each entry as
  /// its 32-byte digest and its identifier ending in a newline.
  func record(interface: Digest) -> [UInt8] {
    var bytes = interface.bytes
    for entry in entries {
      bytes += entry.digest.bytes
      bytes += Array(entry.id.utf8)
      bytes.append(UInt8(ascii: "\n"))
    }
    return bytes
  }

  /// A record's interface digest and manifest; nil when it is not one.
  static func parse(record bytes: [UInt8]) -> (interface: Digest, manifest: DependencyManifest)? {
    guard bytes.count >= 32 else { return nil }
    var entries: [Entry] = []
    var at = 32
    while at < bytes.count {
      guard at + 32 < bytes.count, let end = bytes[(at + 32)...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
      entries.append(Entry(id: String(decoding: bytes[(at + 32)..<end], as: UTF8.self), digest: Digest(bytes: Array(bytes[at..<(at + 32)]))))
      at = end + 1
    }
    return (Digest(bytes: Array(bytes[0..<32])), DependencyManifest(entries: entries))
  }
}
