//! One HTTP/2 connection to a REAPI v2 server and the calls mojoc makes on it: capabilities,
//! the content-addressable storage (batch calls, or ByteStream above the server's batch limit),
//! the action cache and Execute. Only this file speaks gRPC.
#if Remote
import FoundationEssentials
import GRPCCore
import GRPCNIOTransportHTTP2
import GRPCProtobuf
import MojoDriver
import MojoRemoteProtocol
import SwiftProtobuf

typealias REActionResult = Build_Bazel_Remote_Execution_V2_ActionResult
typealias REExecuteResponse = Build_Bazel_Remote_Execution_V2_ExecuteResponse

/// The calls of one build on one connection.
struct REAPISession: Sendable {
  typealias Transport = HTTP2ClientTransport.Posix
  let instance: String
  let cas: Build_Bazel_Remote_Execution_V2_ContentAddressableStorage.Client<Transport>
  let actionCache: Build_Bazel_Remote_Execution_V2_ActionCache.Client<Transport>
  let execution: Build_Bazel_Remote_Execution_V2_Execution.Client<Transport>
  let capabilitiesService: Build_Bazel_Remote_Execution_V2_Capabilities.Client<Transport>
  let byteStream: Google_Bytestream_ByteStream.Client<Transport>
  /// The server's limit on one batch call's total blob size (capabilities).
  var maxBatchBytes = 4 << 20

  /// Every call fails at once when the server cannot be reached (the build then compiles
  /// locally) instead of waiting for it, and accepts batch answers larger than gRPC's 4 MiB.
  static let callOptions: CallOptions = {
    var options = CallOptions.defaults
    options.waitForReady = false
    options.maxResponseMessageBytes = 64 << 20
    options.maxRequestMessageBytes = 64 << 20
    return options
  }()
  /// Cache and storage calls are short; a call that takes longer means a server in trouble.
  static let shortCallOptions: CallOptions = {
    var options = callOptions
    options.timeout = .seconds(60)
    return options
  }()

  /// Connects to `endpoint`, runs `body` with a session whose limits come from the server's
  /// capabilities, and closes the connection.
  static func with<Result: Sendable>(_ endpoint: RemoteEndpoint,
                                     _ body: (REAPISession) async throws -> Result) async throws -> Result {
    let transport = try HTTP2ClientTransport.Posix(
      target: .dns(host: endpoint.host, port: endpoint.port), transportSecurity: endpoint.usesTLS ? .tls : .plaintext)
    return try await withGRPCClient(transport: transport) { client in
      var session = REAPISession(
        instance: endpoint.instance,
        cas: .init(wrapping: client), actionCache: .init(wrapping: client), execution: .init(wrapping: client),
        capabilitiesService: .init(wrapping: client), byteStream: .init(wrapping: client))
      let capabilities = try await session.capabilities()
      let cache = capabilities.cacheCapabilities
      guard cache.digestFunctions.isEmpty || cache.digestFunctions.contains(.sha256) else {
        throw RemoteError.protocolViolation("the server at \(endpoint) does not accept SHA-256 digests")
      }
      if cache.maxBatchTotalSizeBytes > 0 { session.maxBatchBytes = Int(cache.maxBatchTotalSizeBytes) }
      return try await body(session)
    }
  }

  func capabilities() async throws -> Build_Bazel_Remote_Execution_V2_ServerCapabilities {
    try await capabilitiesService.getCapabilities(.with { $0.instanceName = instance }, options: Self.shortCallOptions)
  }

  /// The digests among `digests` the server does not have.
  func findMissing(_ digests: [REDigest]) async throws -> [REDigest] {
    if digests.isEmpty { return [] }
    return try await cas.findMissingBlobs(.with {
      $0.instanceName = instance
      $0.blobDigests = digests
    }, options: Self.shortCallOptions).missingBlobDigests
  }

  /// Uploads the blobs of `digests` from `blobs`: in batches up to the server's limit, and a
  /// blob too large for a batch by ByteStream Write.
  func upload(_ digests: [REDigest], from blobs: BlobSet) async throws {
    // Leave room for the request's own fields next to the blobs.
    let limit = maxBatchBytes - 64 * 1024
    var batch: [Build_Bazel_Remote_Execution_V2_BatchUpdateBlobsRequest.Request] = []
    var batchBytes = 0
    func flush() async throws {
      if batch.isEmpty { return }
      let response = try await cas.batchUpdateBlobs(.with {
        $0.instanceName = instance
        $0.requests = batch
      }, options: Self.shortCallOptions)
      for answer in response.responses where answer.status.code != 0 {
        throw RemoteError.unavailable("the server did not store blob \(answer.digest.hash): \(answer.status.message)")
      }
      batch = []
      batchBytes = 0
    }
    for digest in digests {
      guard let bytes = blobs[digest.hash] else { continue }
      if bytes.count + 256 > limit {
        try await write(bytes, digest: digest)
        continue
      }
      if batchBytes + bytes.count + 256 > limit { try await flush() }
      batch.append(.with {
        $0.digest = digest
        $0.data = Data(bytes)
      })
      batchBytes += bytes.count + 256
    }
    try await flush()
  }

  /// ByteStream Write of one blob, in chunks of at most 1 MiB.
  private func write(_ bytes: [UInt8], digest: REDigest) async throws {
    let resource = (instance.isEmpty ? "" : "\(instance)/")
      + "uploads/\(Self.uploadID())/blobs/\(digest.hash)/\(digest.sizeBytes)"
    let chunk = 1 << 20
    let response = try await byteStream.write(options: Self.callOptions) { writer in
      var offset = 0
      repeat {
        let end = min(offset + chunk, bytes.count)
        try await writer.write(.with {
          if offset == 0 { $0.resourceName = resource }
          $0.writeOffset = Int64(offset)
          $0.data = Data(bytes[offset..<end])
          $0.finishWrite = end == bytes.count
        })
        offset = end
      } while offset < bytes.count
    }
    guard response.committedSize == digest.sizeBytes || response.committedSize == -1 else {
      throw RemoteError.protocolViolation("the server committed \(response.committedSize) of \(digest.sizeBytes) bytes")
    }
  }

  /// Downloads the blobs of `digests` (checked against their digests), in batches, and a blob
  /// too large for a batch by ByteStream Read.
  func download(_ digests: [REDigest]) async throws -> [String: [UInt8]] {
    var found: [String: [UInt8]] = [:]
    let limit = maxBatchBytes - 64 * 1024
    var batch: [REDigest] = []
    var batchBytes = 0
    func flush() async throws {
      if batch.isEmpty { return }
      let response = try await cas.batchReadBlobs(.with {
        $0.instanceName = instance
        $0.digests = batch
      }, options: Self.shortCallOptions)
      for answer in response.responses {
        guard answer.status.code == 0 else {
          throw RemoteError.unavailable("the server did not return blob \(answer.digest.hash): \(answer.status.message)")
        }
        found[answer.digest.hash] = [UInt8](answer.data)
      }
      batch = []
      batchBytes = 0
    }
    for digest in Set(digests.map(\.hash)).sorted().compactMap({ hash in digests.first { $0.hash == hash } }) {
      if Int(digest.sizeBytes) + 256 > limit {
        found[digest.hash] = try await read(digest)
        continue
      }
      if batchBytes + Int(digest.sizeBytes) + 256 > limit { try await flush() }
      batch.append(digest)
      batchBytes += Int(digest.sizeBytes) + 256
    }
    try await flush()
    for digest in digests where found[digest.hash].map({ REDigest.of($0) != digest }) ?? true {
      throw RemoteError.protocolViolation("the server returned wrong bytes for blob \(digest.hash)")
    }
    return found
  }

  /// ByteStream Read of one blob.
  private func read(_ digest: REDigest) async throws -> [UInt8] {
    let resource = (instance.isEmpty ? "" : "\(instance)/") + "blobs/\(digest.hash)/\(digest.sizeBytes)"
    return try await byteStream.read(.with { $0.resourceName = resource }, options: Self.callOptions) { response in
      var bytes: [UInt8] = []
      for try await message in response.messages { bytes += message.data }
      return bytes
    }
  }

  /// The cached result of `action`, nil when the cache has none.
  func actionResult(_ action: REDigest) async throws -> REActionResult? {
    do {
      return try await actionCache.getActionResult(.with {
        $0.instanceName = instance
        $0.actionDigest = action
      }, options: Self.shortCallOptions)
    } catch let error as RPCError where error.code == .notFound {
      return nil
    }
  }

  /// Stores `result` as the result of `action` (`--remote-cache-only`).
  func updateActionResult(_ action: REDigest, _ result: REActionResult) async throws {
    _ = try await actionCache.updateActionResult(.with {
      $0.instanceName = instance
      $0.actionDigest = action
      $0.actionResult = result
    }, options: Self.shortCallOptions)
  }

  /// Runs `action` remotely: reads the operation stream to the final `ExecuteResponse`.
  func execute(_ action: REDigest) async throws -> REExecuteResponse {
    try await execution.execute(.with {
      $0.instanceName = instance
      $0.actionDigest = action
    }, options: Self.callOptions) { response in
      for try await operation in response.messages where operation.done {
        switch operation.result {
        case .response(let any):
          return try REExecuteResponse(unpackingAny: any)
        case .error(let status):
          throw RemoteError.unavailable("remote execution failed: \(status.message) (code \(status.code))")
        case nil:
          throw RemoteError.protocolViolation("a finished operation carries no result")
        }
      }
      throw RemoteError.unavailable("the operation stream ended before the action finished")
    }
  }

  /// A random version-4 UUID for a ByteStream upload's resource name.
  static func uploadID() -> String {
    var generator = SystemRandomNumberGenerator()
    var bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
    bytes[6] = bytes[6] & 0x0F | 0x40
    bytes[8] = bytes[8] & 0x3F | 0x80
    let hex = bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }
    return [hex[0..<4], hex[4..<6], hex[6..<8], hex[8..<10], hex[10..<16]].map { $0.joined() }.joined(separator: "-")
  }
}
#endif
