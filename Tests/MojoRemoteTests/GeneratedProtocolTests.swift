//! The committed REAPI code is what Scripts/generate-reapi wrote: every generated file's SHA-256
//! is the one its MANIFEST records (the script's `--check` regenerates and compares, which needs
//! the network and the protoc plugins; this needs neither).
import Foundation
import MojoHashing
import Testing

@Suite struct GeneratedProtocolTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Sources/MojoRemoteProtocol/generated")

  @Test func everyGeneratedFileMatchesTheManifest() throws {
    let manifest = try String(contentsOf: Self.folder.appendingPathComponent("MANIFEST"), encoding: .utf8)
    var recorded: [String: String] = [:]
    for line in manifest.split(separator: "\n") {
      let fields = line.split(separator: " ", omittingEmptySubsequences: true)
      try #require(fields.count == 2, "bad MANIFEST line: \(line)")
      recorded[String(fields[1])] = String(fields[0])
    }
    #expect(recorded["reapi.pb"] != nil)
    let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".swift") }
    #expect(files.count == recorded.count - 1)
    for file in files.sorted() {
      let bytes = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent(file)))
      #expect(recorded[file] == SHA256.hash(bytes).hex, "\(file) differs from what Scripts/generate-reapi wrote")
    }
  }
}
