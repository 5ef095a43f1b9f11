//! The compile actions of one build on a REAPI server: every action's digest from its command
//! and input root, the action cache first, then (unless cache-only) upload of what the server
//! lacks and Execute for the rest, a bounded number at a time; outputs downloaded and checked.
//! The driver links the objects; `--remote-cache-only` compiles misses locally and stores them
//! with `store`.
#if Remote
import Dispatch
import FoundationEssentials
import MojoDriver
import MojoRemoteProtocol
import Synchronization

/// The driver's `RemoteService` over REAPI v2: runs a request's actions on the server (blocking
/// the calling thread, which must not be a Swift concurrency thread: the driver calls it from
/// its own).
public struct REAPIService: RemoteService {
  public init() {}

  public func run(_ request: RemoteRequest) throws(RemoteError) -> RemoteResult {
    try RemoteBuild.blocking { try await RemoteBuild.runAsync(request) }
  }

  /// Uploads the outputs, standard errors, the commands and the input root, then the actions'
  /// results.
  public func store(_ request: RemoteRequest, outputs: [[UInt8]?], standardErrors: [[UInt8]]) throws(RemoteError) {
    try RemoteBuild.store(request, outputs: outputs, standardErrors: standardErrors)
  }
}

enum RemoteBuild {
  static func store(_ request: RemoteRequest, outputs: [[UInt8]?], standardErrors: [[UInt8]]) throws(RemoteError) {
    try blocking {
      var blobs = BlobSet()
      let digests = try Digests(request, into: &blobs)
      var results: [(REDigest, REActionResult)] = []
      for (k, output) in outputs.enumerated() {
        guard let output else { continue }
        let file = blobs.add(output)
        let standardError = k < standardErrors.count ? standardErrors[k] : []
        let errorDigest = standardError.isEmpty ? nil : blobs.add(standardError)
        results.append((digests.actions[k], .with {
          $0.exitCode = 0
          if let errorDigest { $0.stderrDigest = errorDigest }
          $0.outputFiles = [.with {
            $0.path = request.actions[k].outputPath
            $0.digest = file
          }]
        }))
      }
      try await REAPISession.with(request.endpoint) { session in
        try await session.upload(try await session.findMissing(blobs.digests), from: blobs)
        for (action, result) in results { try await session.updateActionResult(action, result) }
      }
    }
  }

  static func runAsync(_ request: RemoteRequest) async throws -> RemoteResult {
    var blobs = BlobSet()
    let digests = try Digests(request, into: &blobs)
    let uploaded = Mutex(0)
    return try await REAPISession.with(request.endpoint) { session in
      // 1. The action cache.
      let cached = try await withThrowingTaskGroup(of: (Int, REActionResult?).self) { group in
        for k in request.actions.indices {
          group.addTask { (k, try await session.actionResult(digests.actions[k])) }
        }
        var results = [REActionResult?](repeating: nil, count: request.actions.count)
        for try await (k, result) in group { results[k] = result }
        return results
      }
      var results = cached
      // 2. Execute what is not cached: upload what the server lacks first.
      let misses = request.actions.indices.filter { cached[$0] == nil }
      if !misses.isEmpty && !request.cacheOnly {
        let missing = try await session.findMissing(blobs.digests)
        try await session.upload(missing, from: blobs)
        uploaded.withLock { $0 += missing.reduce(0) { $0 + Int($1.sizeBytes) } }
        let executed = try await withThrowingTaskGroup(of: (Int, REActionResult).self) { group in
          var next = misses.makeIterator()
          func start() {
            guard let k = next.next() else { return }
            group.addTask {
              let response = try await session.execute(digests.actions[k])
              guard response.status.code == 0 else {
                throw RemoteError.unavailable("remote execution failed: \(response.status.message) (code \(response.status.code))")
              }
              return (k, response.result)
            }
          }
          for _ in 0..<max(1, request.maxConcurrentExecutes) { start() }
          var executed: [(Int, REActionResult)] = []
          for try await answer in group {
            executed.append(answer)
            start()
          }
          return executed
        }
        for (k, result) in executed { results[k] = result }
      }
      // 3. Outputs and standard error.
      var wanted: [REDigest] = []
      for case let result? in results {
        wanted += result.outputFiles.map(\.digest)
        if result.hasStderrDigest && result.stderrRaw.isEmpty { wanted.append(result.stderrDigest) }
      }
      let contents = try await session.download(wanted)
      var outcomes: [RemoteOutcome] = []
      var standardErrors: [String] = []
      for k in request.actions.indices {
        guard let result = results[k] else {
          outcomes.append(.missing)
          standardErrors.append("")
          continue
        }
        let errorBytes = result.stderrRaw.isEmpty ? contents[result.stderrDigest.hash] ?? [] : [UInt8](result.stderrRaw)
        let errorText = String(decoding: errorBytes, as: UTF8.self)
        standardErrors.append(errorText)
        guard result.exitCode == 0 else {
          outcomes.append(.failed(exitCode: result.exitCode, standardError: errorText))
          continue
        }
        guard let file = result.outputFiles.first(where: { $0.path == request.actions[k].outputPath }),
          let bytes = contents[file.digest.hash]
        else {
          throw RemoteError.protocolViolation("the result of action \(k) lacks its output '\(request.actions[k].outputPath)'")
        }
        outcomes.append(cached[k] != nil ? .cached(bytes) : .executed(bytes))
      }
      return RemoteResult(outcomes: outcomes, standardErrors: standardErrors, uploadedBytes: uploaded.withLock { $0 })
    }
  }

  /// Runs `body` on Swift concurrency's threads and waits for it; every failure becomes a
  /// `RemoteError` (a transport or server failure is `.unavailable`).
  static func blocking<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws(RemoteError) -> T {
    let done = DispatchSemaphore(value: 0)
    let outcome = Mutex<Result<T, RemoteError>?>(nil)
    Task {
      let result: Result<T, RemoteError>
      do {
        result = .success(try await body())
      } catch let error as RemoteError {
        result = .failure(error)
      } catch {
        result = .failure(.unavailable(String(describing: error)))
      }
      outcome.withLock { $0 = result }
      done.signal()
    }
    done.wait()
    return try outcome.withLock { $0! }.get()
  }
}

/// The digests of a request: each action's input root's, command's and action's (all their
/// blobs added to a set; every file hashed once).
struct Digests {
  var actions: [REDigest]

  init(_ request: RemoteRequest, into blobs: inout BlobSet) throws(RemoteError) {
    let files = request.files.map { InputTree.Entry(path: $0.path, digest: blobs.add($0.bytes), isExecutable: $0.isExecutable) }
    let environment = request.environment.keys.sorted().map { name in
      Build_Bazel_Remote_Execution_V2_Command.EnvironmentVariable.with {
        $0.name = name
        $0.value = request.environment[name]!
      }
    }
    var actions: [REDigest] = []
    for action in request.actions {
      let root = try InputTree.add(action.inputs.map { files[$0] }, to: &blobs)
      let command = Build_Bazel_Remote_Execution_V2_Command.with {
        $0.arguments = action.arguments
        $0.environmentVariables = environment
        // output_paths is REAPI v2.1's field; output_files the older servers'.
        $0.outputPaths = [action.outputPath]
        $0.outputFiles = [action.outputPath]
      }
      let commandDigest = blobs.add(command.deterministicBytes)
      let message = Build_Bazel_Remote_Execution_V2_Action.with {
        $0.commandDigest = commandDigest
        $0.inputRootDigest = root
      }
      actions.append(blobs.add(message.deterministicBytes))
    }
    self.actions = actions
  }
}
#endif
