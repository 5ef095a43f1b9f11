//! The closed list of timed phases of a build (the model is Cranelift's `timing.rs`): each span
//! of a trace and each row of `--timings` names one of these.

/// One timed step of the compiler.
public enum Phase: UInt8, CaseIterable, Sendable, Comparable {
  /// The whole build, from reading `main.mojo` to the renamed executable.
  case build
  /// Reading and parsing one module file (a stage: waves of concurrent jobs).
  case parse
  /// Binding module-level names, imports and signatures (a serial stage).
  case bind
  /// Checking function bodies (a stage: one job per module).
  case check
  /// Lowering and code generation together (a stage: one job per module).
  case compile
  /// Lowering a checked module to IR (inside a compile job).
  case lower
  /// Lowering one function (recorded through `CurrentJob.measure` by the lowering).
  case lowerFunction
  /// Verifying the lowered IR (inside a compile job; debug builds and `--verify-ir`).
  case verify
  /// Generating an object or text from IR (inside a compile job).
  case codegen
  /// Writing one object file (inside a compile job, or after it for `--emit obj`).
  case writeObject
  /// Running the system linker (a serial stage).
  case link
  /// Removing the scratch folder of objects (a serial stage).
  case cleanup
  /// Running the program inside mojoc (`mojoc run`; a serial stage, after the in-memory link).
  case run
  /// The action cache: hashing sources and interfaces, looking up and storing objects (inside
  /// the compile stage).
  case cache
  /// Compile actions on a REAPI server (`--remote`; a stage): the action cache, uploads,
  /// Execute and downloads.
  case remote

  public static func < (a: Phase, b: Phase) -> Bool { a.rawValue < b.rawValue }

  /// The name used in traces and tables.
  public var name: String {
    switch self {
    case .build: "build"
    case .parse: "parse"
    case .bind: "bind"
    case .check: "check"
    case .compile: "lower + codegen"
    case .lower: "lower"
    case .lowerFunction: "lower function"
    case .verify: "verify IR"
    case .codegen: "codegen"
    case .writeObject: "write object"
    case .link: "link"
    case .cleanup: "cleanup"
    case .run: "run program"
    case .cache: "action cache"
    case .remote: "remote execution"
    }
  }

  /// True for the stages the driver runs one after another; the other phases nest inside a
  /// stage's jobs.
  public var isStage: Bool {
    switch self {
    case .parse, .bind, .check, .compile, .link, .cleanup, .run, .remote: true
    case .build, .lower, .lowerFunction, .verify, .codegen, .writeObject, .cache: false
    }
  }

  /// The stage a nested phase belongs to.
  public var stage: Phase {
    switch self {
    case .lower, .lowerFunction, .verify, .codegen, .writeObject, .cache: .compile
    default: self
    }
  }
}
