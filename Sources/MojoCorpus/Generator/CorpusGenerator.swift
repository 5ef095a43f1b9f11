//! The corpus generator's front door: options, the shapes, the generated project (files as
//! bytes), checksums, and writing a project to disk. Each shape lives in its own file
//! (`WideShape.swift`, `DeepShape.swift`, `PrintsShape.swift`, `ListsShape.swift`,
//! `MixedShape.swift`); function bodies come from `BodyWriter.swift`, the C equivalent's
//! layout and helpers from `CProgram.swift`.
import FoundationEssentials
import Glibc
import MojoRuntime

/// The kinds of generated projects.
public enum CorpusShape: String, Sendable, CaseIterable {
  /// Many modules in packages, with a DAG of cross-module imports.
  case wide
  /// Few modules with long functions and nested control flow.
  case deep
  /// One function with N unrolled `print` calls.
  case prints
  /// Big list literals and loops over lists.
  case lists
  /// Structs, floats, lists and strings together.
  case mixed

  /// True when `--emit-c` can write an equivalent C program of this shape.
  public var hasCEquivalent: Bool { CProgram.shapes.contains(self) }
}

/// What to generate.
public struct CorpusOptions: Sendable {
  public var shape: CorpusShape
  /// Number of modules besides `main.mojo` (the `prints` shape uses it only to split helpers).
  public var modules: Int
  /// Functions per module (ignored when `lines` is set).
  public var functions: Int
  public var seed: UInt64
  /// A target for the total number of source lines; the generator stops near it.
  public var lines: Int?
  /// Also write the equivalent C program (`GeneratedProject.cFiles`); the Mojo text is the
  /// same either way (every shape has one; see `CorpusShape.hasCEquivalent`).
  public var emitC: Bool

  public init(shape: CorpusShape, modules: Int = 4, functions: Int = 8, seed: UInt64 = 1, lines: Int? = nil,
              emitC: Bool = false) {
    self.shape = shape
    self.modules = max(1, modules)
    self.functions = max(1, functions)
    self.seed = seed
    self.lines = lines
    self.emitC = emitC && shape.hasCEquivalent
  }

  /// The line budget of one of `modules` modules when a total is requested.
  func linesPerModule(total: Int) -> Int { max(20, total / modules) }
}

/// One generated source file.
public struct GeneratedFile: Sendable {
  /// The path inside the project, with `/` separators.
  public var path: String
  public var bytes: [UInt8]
  public var lines: Int
}

/// A generated project: files in a fixed order.
public struct GeneratedProject: Sendable {
  public var files: [GeneratedFile] = []
  /// The equivalent C program (see `CProgram.swift`), when asked for: one file per module and
  /// `mojo_prelude.h`; `writeC` adds the runtime object.
  public var cFiles: [GeneratedFile] = []

  public init(files: [GeneratedFile] = [], cFiles: [GeneratedFile] = []) {
    self.files = files
    self.cFiles = cFiles
  }

  /// Total source lines.
  public var lines: Int { files.reduce(0) { $0 + $1.lines } }
  /// Total bytes.
  public var byteCount: Int { files.reduce(0) { $0 + $1.bytes.count } }

  /// FNV-1a 64 over each path and its bytes, in order: equal checksums mean equal projects.
  public var checksum: UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for file in files {
      for byte in file.path.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
      hash = (hash ^ 0) &* 0x100_0000_01B3
      for byte in file.bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
    }
    return hash
  }

  /// Writes every file under `folder` (created if needed). Stale `.mojo` files from an
  /// earlier generation would change the project, so the folder must be new or empty.
  public func write(to folder: URL) throws {
    try GeneratedProject.write(files, to: folder)
  }

  /// Writes the C program into `folder` (new or empty): `cFiles` and `mojo_runtime.o`, the
  /// runtime object mojoc links into its own programs. Build with
  /// `cc folder/*.c folder/mojo_runtime.o -o exe`.
  public func writeC(to folder: URL) throws {
    let runtime = GeneratedFile(path: "mojo_runtime.o", bytes: RuntimeObject.bytes, lines: 0)
    try GeneratedProject.write(cFiles + [runtime], to: folder)
  }

  static func write(_ files: [GeneratedFile], to folder: URL) throws {
    let manager = FileManager.default
    try manager.createDirectory(at: folder, withIntermediateDirectories: true)
    let existing = try manager.contentsOfDirectory(atPath: folder.path)
    if !existing.isEmpty { throw CorpusError.outputNotEmpty(folder.path) }
    for file in files {
      let url = folder.appendingPathComponent(file.path)
      try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      guard manager.createFile(atPath: url.path, contents: Data(file.bytes)) else {
        throw CorpusError.cannotWrite(url.path)
      }
    }
  }
}

/// Failures of corpus generation and benchmarking (environment problems, not program errors).
public enum CorpusError: Error, CustomStringConvertible {
  case outputNotEmpty(String)
  case cannotWrite(String)
  case badArgument(String)

  public var description: String {
    switch self {
    case .outputNotEmpty(let path): "output folder '\(path)' is not empty"
    case .cannotWrite(let path): "cannot write '\(path)'"
    case .badArgument(let text): text
    }
  }
}

/// Generates projects.
public enum CorpusGenerator {
  /// Builds the project described by `options` in memory.
  public static func generate(_ options: CorpusOptions) -> GeneratedProject {
    var rng = SplitMix64(seed: options.seed ^ shapeSalt(options.shape))
    _ = rng.next()
    var project: GeneratedProject
    switch options.shape {
    case .wide: project = WideShape.generate(options, rng: rng)
    case .deep: project = DeepShape.generate(options, rng: rng)
    case .prints: project = PrintsShape.generate(options, rng: rng)
    case .lists: project = ListsShape.generate(options, rng: rng)
    case .mixed: project = MixedShape.generate(options, rng: rng)
    }
    if options.emitC {
      project.cFiles.append(GeneratedFile(path: "mojo_prelude.h", bytes: Array(CProgram.prelude.utf8),
                                          lines: CProgram.prelude.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }))
    }
    return project
  }

  /// Different shapes with one seed should not share their random streams.
  static func shapeSalt(_ shape: CorpusShape) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in shape.rawValue.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
    return hash
  }

  /// `0x` and 16 hex digits.
  public static func hex(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return "0x" + String(repeating: "0", count: 16 - digits.count) + digits
  }
}
