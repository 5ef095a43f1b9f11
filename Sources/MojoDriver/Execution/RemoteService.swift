//! The driver's side of remote execution: a build's compile actions as plain values
//! (`RemoteRequest`), what the server did with each (`RemoteResult`), and the service that runs
//! them (`RemoteService`). The REAPI client that implements it (`MojoRemote`, gRPC) is linked only
//! into `mojoc-remote`, built with the package's Remote trait; `mojoc` itself links none of it.

/// Runs a build's compile actions on a remote execution service (blocking the calling thread,
/// which must not be a Swift concurrency thread: the driver calls it from its own).
public protocol RemoteService: Sendable {
  /// Looks every action up in the server's action cache and (unless `request.cacheOnly`)
  /// executes the others there.
  func run(_ request: RemoteRequest) throws(RemoteError) -> RemoteResult
  /// Stores locally compiled outputs (`outputs[i]` for action `i`, nil when not compiled here)
  /// as the actions' results, with `standardErrors[i]` as the standard error (`--remote-cache-only`).
  func store(_ request: RemoteRequest, outputs: [[UInt8]?], standardErrors: [[UInt8]]) throws(RemoteError)
}

/// A file of an input root.
public struct InputFile: Sendable {
  /// Its path below the root, `/`-separated, without `.` or `..` parts.
  public var path: String
  public var bytes: [UInt8]
  public var isExecutable: Bool

  public init(path: String, bytes: [UInt8], isExecutable: Bool = false) {
    self.path = path
    self.bytes = bytes
    self.isExecutable = isExecutable
  }
}

/// One compile action: a command run in its own input root that writes one file.
public struct RemoteAction: Sendable {
  /// argv; `arguments[0]` is a path in the input root.
  public var arguments: [String]
  /// The file the command writes, relative to the input root.
  public var outputPath: String
  /// The files of its input root: indices into the request's `files`.
  public var inputs: [Int]

  public init(arguments: [String], outputPath: String, inputs: [Int]) {
    self.arguments = arguments
    self.outputPath = outputPath
    self.inputs = inputs
  }
}

/// The compile actions of a build and how to run them.
public struct RemoteRequest: Sendable {
  public var endpoint: RemoteEndpoint
  /// Look results up and store them, but never Execute (`--remote-cache-only`).
  public var cacheOnly: Bool
  /// At most this many Executes in flight.
  public var maxConcurrentExecutes: Int
  /// Every file an action reads (the compiler, sources, stubs), each hashed once; an action
  /// names its own by index.
  public var files: [InputFile]
  /// The environment of every command (sorted by name when sent).
  public var environment: [String: String]
  public var actions: [RemoteAction]

  public init(endpoint: RemoteEndpoint, cacheOnly: Bool, maxConcurrentExecutes: Int = 8, files: [InputFile],
              environment: [String: String], actions: [RemoteAction]) {
    self.endpoint = endpoint
    self.cacheOnly = cacheOnly
    self.maxConcurrentExecutes = maxConcurrentExecutes
    self.files = files
    self.environment = environment
    self.actions = actions
  }
}

/// What happened to one action.
public enum RemoteOutcome: Sendable, Equatable {
  /// Its output, from the action cache.
  case cached([UInt8])
  /// Its output, from an Execute on the server.
  case executed([UInt8])
  /// The command failed (its exit status and standard error).
  case failed(exitCode: Int32, standardError: String)
  /// Not in the cache (cache-only): to compile locally.
  case missing
}

/// The outcome of every action of a request, in order, and each one's standard error (its
/// module's warnings).
public struct RemoteResult: Sendable, Equatable {
  public var outcomes: [RemoteOutcome]
  public var standardErrors: [String]
  /// Bytes uploaded to the server.
  public var uploadedBytes: Int

  public init(outcomes: [RemoteOutcome], standardErrors: [String], uploadedBytes: Int) {
    self.outcomes = outcomes
    self.standardErrors = standardErrors
    self.uploadedBytes = uploadedBytes
  }
}

