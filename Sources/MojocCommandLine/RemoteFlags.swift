//! `--remote grpc://HOST:PORT`, `--remote-instance`, `--remote-cache-only` and
//! `--remote-max-executes`. `mojoc` links no REAPI client (its gRPC, NIO and BoringSSL
//! dependencies would weigh on every run): `mojoc build --remote ...` replaces itself by
//! `mojoc-remote` (next to it, or `$MOJOC_REMOTE`) with the same arguments, which is this same
//! command line with `MojocMain.remoteService` set.
import ArgumentParser
import Glibc
import MojoDriver

struct RemoteFlags: ParsableArguments {
  @Option(help: ArgumentHelp("Compile modules on a Remote Execution API v2 server (Buildbarn, BuildGrid, ...).",
                             valueName: "grpc://host:port"))
  var remote: String?

  @Option(help: ArgumentHelp("The REAPI instance name on the --remote server.", valueName: "name"))
  var remoteInstance: String = ""

  @Flag(help: "With --remote, only use the server's cache: compile misses here and upload them.")
  var remoteCacheOnly = false

  @Option(help: ArgumentHelp("With --remote, at most this many actions executing on the server at once.",
                             valueName: "n"))
  var remoteMaxExecutes: Int = 8

  func validate() throws {
    if remote == nil && (remoteCacheOnly || !remoteInstance.isEmpty) {
      throw ValidationError("--remote-cache-only and --remote-instance need --remote")
    }
    if remoteMaxExecutes < 1 { throw ValidationError("--remote-max-executes must be at least 1") }
    if let remote {
      do { _ = try RemoteEndpoint.parse(remote) } catch { throw ValidationError(error.description) }
    }
  }

  /// The driver's remote options (nil without `--remote`). In `mojoc`, which has no REAPI
  /// client, this does not return: it runs `mojoc-remote`.
  func options() throws -> RemoteOptions? {
    guard let remote else { return nil }
    guard let service = MojocMain.remoteService else { RemoteHandOver.execRemoteClient() }
    let compiler = RemoteHandOver.compiler()
    if compiler == nil {
      StandardStreams.error("mojoc: warning: remote execution needs the mojoc executable next to mojoc-remote "
        + "(or $MOJOC_REMOTE_COMPILER); compiling locally\n")
    }
    return RemoteOptions(endpoint: try RemoteEndpoint.parse(remote, instance: remoteInstance), cacheOnly: remoteCacheOnly,
                         compilerPath: compiler, maxConcurrentExecutes: remoteMaxExecutes, service: service)
  }
}

/// `mojoc` hands `--remote` builds to `mojoc-remote`; the compile actions run `mojoc` itself.
enum RemoteHandOver {
  /// Replaces this process by `mojoc-remote` with the same arguments, telling it which `mojoc`
  /// the actions run (`$MOJOC_REMOTE_COMPILER`); exits with status 2 and one line when it cannot.
  static func execRemoteClient() -> Never {
    let own = executablePath()
    let folder = own.map { String($0[..<($0.lastIndex(of: "/") ?? $0.startIndex)]) } ?? "."
    let client = getenv("MOJOC_REMOTE").map { String(cString: $0) } ?? folder + "/mojoc-remote"
    if let own { setenv("MOJOC_REMOTE_COMPILER", own, 1) }
    let arguments = [client] + CommandLine.arguments.dropFirst()
    var pointers = arguments.map { strdup($0) }
    pointers.append(nil)
    execv(client, pointers)
    let reason = String(cString: strerror(errno))
    StandardStreams.error("mojoc: error: --remote needs mojoc-remote (the REAPI client), which cannot run at \(client) "
      + "(\(reason)): build it with `swift build -c release --traits Remote --scratch-path .build/remote` and use "
      + ".build/remote/release/mojoc, or set MOJOC_REMOTE\n")
    Glibc.exit(2)
  }

  /// The `mojoc` executable the compile actions run: `$MOJOC_REMOTE_COMPILER` (set by `mojoc`
  /// when it hands over), else the one next to this executable; nil when there is none.
  static func compiler() -> String? {
    if let path = getenv("MOJOC_REMOTE_COMPILER").map({ String(cString: $0) }), access(path, X_OK) == 0 { return path }
    guard let own = executablePath(), let slash = own.lastIndex(of: "/") else { return nil }
    let sibling = String(own[..<slash]) + "/mojoc"
    return access(sibling, X_OK) == 0 ? sibling : nil
  }

  /// This executable's absolute path (`/proc/self/exe`).
  static func executablePath() -> String? {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    guard length > 0 else { return nil }
    return String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
