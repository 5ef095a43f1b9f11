//! Finds and parses the modules of a project (LANGUAGE.md §11): starting from `main.mojo`, every
//! imported module is located under the project root as `a/b/c.mojo` or the package folder
//! `a/b/c/` (its module is `__init__.mojo` when present). Files are parsed in waves: every file
//! found by the previous wave's imports is parsed concurrently.
import FoundationEssentials
import Glibc
import MojoDiagnostics
import MojoHashing
import MojoSema
import MojoSyntax

/// The parsed modules of a project and the diagnostics of parsing.
public struct LoadedProject: Sendable {
  public var modules: [SourceModule]
  /// Syntax diagnostics, per module, in module order.
  public var diagnostics: [[Diagnostic]]
  /// Per module, the project modules it imports directly (dotted names, sorted; a dotted
  /// import also names each package on its path).
  public var imports: [[String]] = []
  /// Per module, the SHA-256 of its source file (incremental builds only; nil for a package
  /// folder without `__init__.mojo`).
  var sourceDigests: [Digest?] = []
  /// Per module, true when it was parsed from its stub (`Caching/SourceStub.swift`), not its
  /// full source (incremental builds only).
  var stubbed: [Bool] = []
  /// Dotted names of the modules and packages in the folder listing, loaded or not (for "did
  /// you mean" on an import that names none); empty when no listing was made.
  var folderModules: [String] = []

  /// The modules as planning sees them: name, absolute file path, direct imports and size.
  public var plannedModules: [PlannedModule] {
    modules.indices.map { m in
      // The absolute path: objects embed it (assertion messages name the file).
      PlannedModule(name: modules[m].name, path: modules[m].file?.absolutePath, imports: m < imports.count ? imports[m] : [],
                    size: modules[m].file?.bytes.count ?? 0)
    }
  }
}

/// Reads a project folder (or a single `.mojo` file) from disk.
public struct ProjectLoader: Sendable {
  /// The project root: the folder of `main.mojo`.
  public let root: URL
  /// The entry file name inside `root`.
  public let entry: String
  /// How the root is shown in diagnostics.
  public let displayRoot: String
  /// The root's absolute path, which produced programs name in their run-time errors.
  let absoluteRoot: String

  /// Prepares to load the project at `input`: a folder holding `main.mojo`, or a `.mojo` file
  /// whose folder is the root.
  public init(input: String) throws {
    guard let kind = PathText.kind(of: input) else { throw DriverError.inputNotFound(input) }
    let url = URL(fileURLWithPath: input)
    if kind == .directory {
      root = url
      entry = "main.mojo"
      displayRoot = input.hasSuffix("/") ? String(input.dropLast()) : input
      guard FileManager.default.fileExists(atPath: url.appendingPathComponent("main.mojo").path) else {
        throw DriverError.missingMainFile(input)
      }
    } else {
      root = url.deletingLastPathComponent()
      entry = url.lastPathComponent
      let folder = PathText.folder(of: input)
      displayRoot = folder.isEmpty ? "." : folder
    }
    absoluteRoot = PathText.resolved(root.path)
  }

  /// A module to read: its dotted name, relative file path (nil for a bare package folder).
  struct Candidate: Sendable {
    var name: String
    var relativePath: String?
    var isPackage: Bool
  }

  /// Loads every module reachable from the entry file, parsing each wave with `executor`.
  public func load(executor: any JobExecutor) throws -> LoadedProject {
    try load(runner: StageRunner(executor: executor, recorder: nil, progress: nil))
  }

  /// Loads every module reachable from the entry file, one parse job per file of each wave.
  func load(runner: StageRunner, stubs: StubLoading? = nil) throws -> LoadedProject {
    var modules: [SourceModule] = []
    var digests: [Digest?] = []
    var stubbed: [Bool] = []
    var diagnostics: [[Diagnostic]] = []
    var imports: [[String]] = []
    var known: Set<String> = ["main"]
    // The entry file first: a program that imports nothing from its folder (a script among
    // others, or a one-file project) reads no other file. When it does import, every module
    // file of the folder is parsed at once, before knowing which are imported: one parallel
    // wave instead of one wave per import depth. Files that turn out not to be imported are
    // dropped with their diagnostics (LANGUAGE.md §11: they are not compiled). A file that
    // cannot be read fails the build only if it is imported.
    let main = Candidate(name: "main", relativePath: entry, isPackage: false)
    var parsed: [String: Result<ParsedFile, DriverError>] = [entry: parseWave([main], runner: runner, stubs: stubs)[0]]
    var listing: FolderListing?
    if case .success(let file) = parsed[entry]!, importsFromProject(file.module) {
      let speculative: [Candidate]
      (speculative, listing) = speculativeCandidates()
      let others = speculative.filter { $0.relativePath != entry }
      for (candidate, result) in zip(others, parseWave(others, runner: runner, stubs: stubs)) {
        parsed[candidate.relativePath!] = result
      }
    }
    var wave = [main]
    while !wave.isEmpty {
      let missing = wave.filter { c in c.relativePath.map { parsed[$0] == nil } ?? true }
      for (candidate, result) in zip(missing, parseWave(missing, runner: runner, stubs: stubs)) {
        parsed[candidate.relativePath ?? "//" + candidate.name] = result
      }
      let results = try wave.map { try parsed[$0.relativePath ?? "//" + $0.name]!.get() }
      var next: [Candidate] = []
      for (candidate, file) in zip(wave, results) {
        let module = file.module
        modules.append(module)
        diagnostics.append(file.diagnostics)
        digests.append(file.digest)
        stubbed.append(file.isStub)
        var imported: Set<String> = []
        for decl in module.tree.imports {
          guard case .path(let components) = ImportPaths.target(of: decl, in: module.tree, importer: module.name,
                                                                importerIsPackage: module.isPackage) else { continue }
          var names = [components]
          if decl.isFrom { names += decl.names.map { components + [module.tree.name($0.name)] } }
          for path in names {
            // Every prefix of a dotted path is a package or module in its own right.
            for k in 1...max(1, path.count) where !path.isEmpty {
              let prefix = Array(path.prefix(k))
              let dotted = prefix.joined(separator: ".")
              if Binder.libraryModules.contains(dotted) { continue }
              if known.contains(dotted) {
                imported.insert(dotted)
                continue
              }
              if let found = locate(prefix, listing: listing) {
                known.insert(dotted)
                imported.insert(dotted)
                next.append(found)
              } else {
                break
              }
            }
          }
        }
        _ = candidate
        imported.remove(module.name)
        imports.append(imported.sorted())
      }
      wave = next
    }
    var loaded = LoadedProject(modules: modules, diagnostics: diagnostics, imports: imports, sourceDigests: digests, stubbed: stubbed)
    if let listing {
      let dotted = { (path: Substring) in path.split(separator: "/").joined(separator: ".") }
      loaded.folderModules = listing.directories.map { dotted($0[...]) }
        + listing.files.filter { !$0.hasSuffix("__init__.mojo") }.map { dotted($0.dropLast(5)) }
    }
    return loaded
  }

  /// The module file or package folder for a dotted path, if it exists.
  func locate(_ components: [String], listing: FolderListing? = nil) -> Candidate? {
    let relative = components.joined(separator: "/")
    let name = components.joined(separator: ".")
    // The folder listing made for speculative parsing answers every lookup without a stat.
    if let listing {
      if listing.files.contains(relative + ".mojo") {
        return Candidate(name: name, relativePath: relative + ".mojo", isPackage: false)
      }
      guard listing.directories.contains(relative) else { return nil }
      let initPath = relative + "/__init__.mojo"
      return Candidate(name: name, relativePath: listing.files.contains(initPath) ? initPath : nil, isPackage: true)
    }
    let fm = FileManager.default
    if fm.fileExists(atPath: root.appendingPathComponent(relative + ".mojo").path) {
      return Candidate(name: name, relativePath: relative + ".mojo", isPackage: false)
    }
    if PathText.kind(of: root.appendingPathComponent(relative).path) == .directory {
      let initPath = relative + "/__init__.mojo"
      let hasInit = fm.fileExists(atPath: root.appendingPathComponent(initPath).path)
      return Candidate(name: name, relativePath: hasInit ? initPath : nil, isPackage: true)
    }
    return nil
  }

  /// True when `module` imports anything that is not a library module (`std`...), that is,
  /// something the project folder must provide.
  private func importsFromProject(_ module: SourceModule) -> Bool {
    module.tree.imports.contains { decl in
      guard case .path(let components) = ImportPaths.target(of: decl, in: module.tree, importer: module.name,
                                                            importerIsPackage: module.isPackage),
            let first = components.first else { return false }
      return !Binder.libraryModules.contains(first)
    }
  }

  /// The `.mojo` files and folders under the root, relative to it (complete, so a path not in
  /// it does not exist for the loader).
  struct FolderListing {
    var files: Set<String> = []
    var directories: Set<String> = []
  }

  /// Every `.mojo` file under the root (at any depth, at most a few thousand), named as an
  /// import would name it. Empty, with no listing, when the folder looks like more than a
  /// project: imports are then found by looking at each path.
  ///
  /// The walk uses opendir/readdir (the entry type from `d_type`, `lstat` when the file system
  /// does not give it; symbolic links are not followed): FileManager's enumerator with its
  /// attribute dictionaries cost a build of hello 1.4 M instructions. Hidden entries (a name
  /// starting with `.`) are skipped with everything under them.
  func speculativeCandidates() -> ([Candidate], FolderListing?) {
    var candidates: [Candidate] = []
    var listing = FolderListing()
    var visited = 0
    var folders = [""]  // relative paths still to read; "" is the root
    while let folder = folders.popLast() {
      let path = folder.isEmpty ? root.path : root.path + "/" + folder
      guard let directory = opendir(path) else {
        if folder.isEmpty { return ([], nil) }
        continue
      }
      defer { closedir(directory) }
      while let item = readdir(directory) {
        var bytes = item.pointee.d_name
        let capacity = MemoryLayout.size(ofValue: bytes)
        let name = withUnsafePointer(to: &bytes) {
          $0.withMemoryRebound(to: CChar.self, capacity: capacity) { String(cString: $0) }
        }
        if name == "." || name == ".." { continue }
        visited += 1
        if visited > 50_000 { return ([], nil) }
        if name.hasPrefix(".") { continue }
        let relative = folder.isEmpty ? name : folder + "/" + name
        var isDirectory = item.pointee.d_type == UInt8(DT_DIR)
        if item.pointee.d_type == UInt8(DT_UNKNOWN) {
          var status = stat()
          isDirectory = lstat(path + "/" + name, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
        }
        if isDirectory {
          listing.directories.insert(relative)
          folders.append(relative)
          continue
        }
        guard name.hasSuffix(".mojo") else { continue }
        listing.files.insert(relative)
        var components = String(relative.dropLast(5)).split(separator: "/").map(String.init)
        let isPackage = components.last == "__init__"
        if isPackage { components.removeLast() }
        guard !components.isEmpty else { continue }
        let moduleName = relative == entry ? "main" : components.joined(separator: ".")
        candidates.append(Candidate(name: moduleName, relativePath: relative, isPackage: isPackage))
        if candidates.count > 4096 { return ([], nil) }
      }
    }
    return (candidates.sorted { $0.relativePath! < $1.relativePath! }, listing)
  }

  /// One parsed file: the module, its syntax diagnostics, its source digest (incremental
  /// builds) and whether the tree is its stub's.
  struct ParsedFile: Sendable {
    var module: SourceModule
    var diagnostics: [Diagnostic]
    var digest: Digest?
    var isStub = false
  }

  private func parseWave(_ wave: [Candidate], runner: StageRunner, stubs: StubLoading?) -> [Result<ParsedFile, DriverError>] {
    let slots = ResultSlots<Result<ParsedFile, DriverError>>(count: wave.count)
    runner.run(Job.plan(.parse, modules: wave.map(\.name))) { job, context in
      let candidate = wave[job.index]
      guard let relativePath = candidate.relativePath else {
        let module = SourceModule(name: candidate.name, file: nil, tree: SyntaxTree(), isPackage: true)
        slots[job.index] = .success(ParsedFile(module: module, diagnostics: []))
        return
      }
      let url = root.appendingPathComponent(relativePath)
      guard let data = FileManager.default.contents(atPath: url.path) else {
        slots[job.index] = .failure(.cannotRead(url.path))
        return
      }
      let bytes = [UInt8](data)
      let path = displayRoot + "/" + relativePath
      let absolutePath = PathText.join(absoluteRoot, relativePath)
      var digest: Digest?
      if let stubs {
        let sourceDigest = SHA256.hash(bytes)
        digest = sourceDigest
        if stubs.allowsStub(candidate.name),
           case .hit(let stub) = context.measure(.cache, candidate.name, { stubs.cache.lookup(stubs.key(sourceDigest), store: .stubs) }) {
          let file = SourceFile(path: path, relativePath: relativePath, bytes: stub, absolutePath: absolutePath)
          let (tree, diagnostics) = Parser.parse(file)
          if diagnostics.isEmpty {
            let module = SourceModule(name: candidate.name, file: file, tree: tree, isPackage: candidate.isPackage)
            slots[job.index] = .success(ParsedFile(module: module, diagnostics: [], digest: sourceDigest, isStub: true))
            return
          }
        }
      }
      let file = SourceFile(path: path, relativePath: relativePath, bytes: bytes, absolutePath: absolutePath)
      let (tree, diagnostics) = Parser.parse(file)
      if let stubs, let digest, diagnostics.isEmpty {
        context.measure(.cache, candidate.name) {
          if let stub = SourceStub.make(tree, bytes, path: path) { stubs.cache.store(stubs.key(digest), stub, store: .stubs) }
        }
      }
      let module = SourceModule(name: candidate.name, file: file, tree: tree, isPackage: candidate.isPackage)
      slots[job.index] = .success(ParsedFile(module: module, diagnostics: diagnostics, digest: digest))
    }
    return slots.values.map { $0! }
  }
}

/// How an incremental build reads modules: the digest of every source file, and for a module
/// whose full source is not needed, its stub from the cache (`Caching/SourceStub.swift`).
struct StubLoading: Sendable {
  let cache: ActionCache
  /// The compiler identity (`ActionKey.compilerIdentity()`): stubs are keyed by it and the
  /// source digest.
  let compiler: String
  /// Modules to parse from their full source; nil: every module.
  var fullModules: Set<String>? = []

  func allowsStub(_ module: String) -> Bool { fullModules.map { !$0.contains(module) } ?? false }

  /// The cache key of the stub of a source with digest `source`.
  func key(_ source: Digest) -> Digest {
    SHA256.hash(Array("mojoc-stub 1\ncompiler \(compiler)\nsource \(source.hex)\n".utf8))
  }
}
