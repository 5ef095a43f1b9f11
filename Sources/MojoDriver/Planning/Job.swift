//! A planned unit of parallel work as a plain value: what to do and to which module. The plan
//! of a stage is a list of these, in module order; the executor decides only when and where
//! each runs, never what it does.
import MojoProfiling

/// One job of a parallel stage.
public struct Job: Sendable, Equatable {
  /// What a job does.
  public enum Kind: Sendable, Equatable {
    /// Read and parse one module file.
    case parse
    /// Check the function bodies of one module.
    case check
    /// Lower one checked module to IR and generate its object (or text).
    case compile
    /// Check the function bodies of one module, then compile it when nothing else can change
    /// its checked tables (`Frontend.check(early:)`). It records its own check and compile
    /// spans, not one for the whole job.
    case checkAndCompile
    /// One part of a module's code generation, run from inside that module's compile job.
    case codegenPart
    /// Hash one module's source and interface for the action cache.
    case digest

    /// The phase its span is recorded under.
    public var phase: Phase {
      switch self {
      case .parse: .parse
      case .check, .checkAndCompile: .check
      case .compile: .compile
      case .codegenPart: .codegen
      case .digest: .cache
      }
    }
  }

  public var kind: Kind
  /// The slot the job writes: the module's index in the stage's module list.
  public var index: Int
  /// The module's dotted name, for traces, progress and messages.
  public var moduleName: String

  public init(kind: Kind, index: Int, moduleName: String) {
    self.kind = kind
    self.index = index
    self.moduleName = moduleName
  }

  /// One job of `kind` per module name, in order.
  public static func plan(_ kind: Kind, modules: [String]) -> [Job] {
    modules.enumerated().map { Job(kind: kind, index: $0.offset, moduleName: $0.element) }
  }

  /// One job of `kind` per module name, the largest `sizes` first (ties in module order): the
  /// executor starts jobs in list order, so a large module last cannot leave one worker busy
  /// while the others idle. Results still land in the module's slot.
  public static func plan(_ kind: Kind, modules: [String], largestFirst sizes: [Int]) -> [Job] {
    plan(kind, modules: modules).sorted { a, b in
      sizes[a.index] != sizes[b.index] ? sizes[a.index] > sizes[b.index] : a.index < b.index
    }
  }
}
