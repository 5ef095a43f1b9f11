//! Where the remote execution service is: `--remote grpc://HOST:PORT` (or `grpcs://` for TLS)
//! and `--remote-instance`.

/// A REAPI server address and instance name.
public struct RemoteEndpoint: Sendable, Equatable, CustomStringConvertible {
  public var host: String
  public var port: Int
  /// The REAPI instance name (empty for the server's default instance).
  public var instance: String
  /// TLS (`grpcs://`): the server's certificate is verified against the system's trust roots.
  public var usesTLS: Bool

  public init(host: String, port: Int, instance: String = "", usesTLS: Bool = false) {
    self.host = host
    self.port = port
    self.instance = instance
    self.usesTLS = usesTLS
  }

  /// Parses `grpc://HOST:PORT` (plaintext HTTP/2) or `grpcs://HOST:PORT` (HTTP/2 over TLS). The
  /// port defaults to 50051 for `grpc://`, the one REAPI servers listen on by default, and to 443
  /// for `grpcs://`.
  public static func parse(_ url: String, instance: String = "") throws(RemoteError) -> RemoteEndpoint {
    let usesTLS = url.hasPrefix("grpcs://")
    guard url.hasPrefix("grpc://") || usesTLS else {
      throw RemoteError.invalidEndpoint("'\(url)' is not a grpc://HOST:PORT address")
    }
    let rest = url.dropFirst(usesTLS ? "grpcs://".count : "grpc://".count).split(separator: "/", maxSplits: 1).first
      .map(String.init) ?? ""
    var host = rest
    var port = usesTLS ? 443 : 50051
    if let colon = rest.lastIndex(of: ":"), !rest.hasSuffix("]") {
      guard let number = Int(rest[rest.index(after: colon)...]), (1...65535).contains(number) else {
        throw RemoteError.invalidEndpoint("'\(url)' has no valid port")
      }
      host = String(rest[..<colon])
      port = number
    }
    if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
    guard !host.isEmpty else { throw RemoteError.invalidEndpoint("'\(url)' has no host") }
    return RemoteEndpoint(host: host, port: port, instance: instance, usesTLS: usesTLS)
  }

  public var description: String { "grpc\(usesTLS ? "s" : "")://\(host.contains(":") ? "[\(host)]" : host):\(port)" }
}

/// A remote build failure.
public enum RemoteError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The `--remote` address cannot be used.
  case invalidEndpoint(String)
  /// The server cannot be reached or failed (the build falls back to compiling locally).
  case unavailable(String)
  /// The server answered something mojoc cannot use.
  case protocolViolation(String)

  public var description: String {
    switch self {
    case .invalidEndpoint(let message), .unavailable(let message), .protocolViolation(let message): message
    }
  }
}
