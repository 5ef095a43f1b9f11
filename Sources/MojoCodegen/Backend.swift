//! What every backend provides: one object file per IR module. Backends see MojoIR and this
//! target only, never the AST, and never each other.
import MojoIR

/// How hard a backend optimizes (LLVM's -O0 to -O3; the copy-and-patch backend ignores it).
public enum OptimizationLevel: Int, Sendable, CaseIterable, Comparable {
  case o0 = 0, o1, o2, o3
  public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// A relocatable ELF object produced from one IR module.
public struct ObjectFile: Sendable, Equatable {
  /// The IR module's name (for messages and file names).
  public var moduleName: String
  /// The bytes of the ET_REL object.
  public var bytes: [UInt8]
  /// Makes an object artifact.
  public init(moduleName: String, bytes: [UInt8]) {
    self.moduleName = moduleName
    self.bytes = bytes
  }
}

/// A failure inside a backend that is not the user's mistake (a C library reported an error, or
/// an IR shape has no implementation).
public struct CodegenError: Error, CustomStringConvertible, Sendable {
  /// What failed, naming the backend and the module.
  public var description: String
  /// Makes an error with a message.
  public init(_ description: String) { self.description = description }
}

/// Runs `body(i)` for every `i` in `0..<count`, possibly several at once on other threads, and
/// returns when all have finished. A backend uses it to split one module's work into parts; the
/// result must not depend on how (or whether) the parts ran concurrently.
public typealias ParallelFor = (_ count: Int, _ body: @escaping @Sendable (Int) -> Void) -> Void

/// A `ParallelFor` that runs the parts one after another on the calling thread.
public func serialFor(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
  for i in 0..<count { body(i) }
}

/// A code generator from IR modules to object files. A backend value is immutable and may be
/// shared by all workers; each `emitObject` call owns everything it creates.
public protocol Backend: Sendable {
  /// Compiles one verified module to a relocatable object.
  func emitObject(for module: IRModule) throws -> ObjectFile
  /// Compiles one verified module, running parts of the work through `parallel`; the object is
  /// byte-identical to `emitObject(for:)`'s. The module is consumed, so a backend may free the
  /// function bodies as soon as it no longer needs them.
  func emitObject(for module: consuming IRModule, parallel: ParallelFor) throws -> ObjectFile
  /// The name of the text form this backend can print for a module (`llvm-ir` for LLVM IR), or
  /// nil when it has none; `mojoc build --emit NAME` asks for it.
  var textForm: String? { get }
  /// The backend's own text form of one verified module (see `textForm`).
  func emitText(for module: IRModule) throws -> String
}

extension Backend {
  /// Backends that do not split a module compile it in one piece.
  public func emitObject(for module: consuming IRModule, parallel: ParallelFor) throws -> ObjectFile {
    try emitObject(for: module)
  }

  /// Backends without a text form of their own.
  public var textForm: String? { nil }

  /// Backends without a text form of their own refuse.
  public func emitText(for module: IRModule) throws -> String {
    throw CodegenError("this backend has no text form of module \(module.name)")
  }
}
