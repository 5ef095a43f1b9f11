//! `--remote` addresses: `grpc://` (plaintext) and `grpcs://` (TLS), default ports, instance.
import MojoDriver
import Testing

@Suite struct RemoteEndpointTests {
  @Test func endpointsParse() throws {
    #expect(try RemoteEndpoint.parse("grpc://127.0.0.1:8980") == RemoteEndpoint(host: "127.0.0.1", port: 8980))
    #expect(try RemoteEndpoint.parse("grpc://build.example") == RemoteEndpoint(host: "build.example", port: 50051))
    #expect(try RemoteEndpoint.parse("grpc://[::1]:9", instance: "main") == RemoteEndpoint(host: "::1", port: 9, instance: "main"))
    for bad in ["http://h:1", "grpc://", "grpc://h:0", "grpc://h:x", "grpcs://", "grpcs:/h:1"] {
      #expect(throws: RemoteError.self) { try RemoteEndpoint.parse(bad) }
    }
  }

  @Test func grpcsIsTLSOnPort443ByDefault() throws {
    let tls = try RemoteEndpoint.parse("grpcs://remote.example")
    #expect(tls == RemoteEndpoint(host: "remote.example", port: 443, usesTLS: true))
    #expect(tls.description == "grpcs://remote.example:443")
    #expect(try RemoteEndpoint.parse("grpcs://[::1]:8443").description == "grpcs://[::1]:8443")
    #expect(try RemoteEndpoint.parse("grpc://h:1").usesTLS == false)
  }
}
