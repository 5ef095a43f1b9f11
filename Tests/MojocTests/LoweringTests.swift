//! Golden lowering tests: each `Tests/filetests/lowering/NAME.mojo` is a small program showing
//! one language construct, and `NAME.ir` is what `mojoc build NAME.mojo --emit ir --verify-ir`
//! prints for it — the IR lowering produces, before any pass. They document how each construct
//! is lowered, and any change to lowering shows as a diff of these files. Each golden file also
//! reads back (`MojoIR.Reader`) to IR that verifies and prints as the same text.
//! `MOJOC_BLESS=1 swift test --filter LoweringTests` rewrites the `.ir` files (review the diff).
import Foundation
import MojoIR
import Testing
import TestSupport

@Suite struct LoweringTests {
  /// Every `.mojo` file under `Tests/filetests/lowering`.
  static let all: [URL] = {
    let folder = Fixtures.packageRoot.appendingPathComponent("Tests/filetests/lowering")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".mojo") }.sorted().map { folder.appendingPathComponent($0) }
  }()

  @Test("there are golden lowering tests") func found() {
    #expect(Self.all.count >= 10)
  }

  /// `ir` with `folder/` removed from the source locations that run-time checks report (data
  /// objects "/abs/folder/NAME.mojo:L:C", a String: 8 bytes of length, then the text): the
  /// golden files name the source relative to their folder, wherever the checkout is.
  static func relativeLocations(_ ir: String, folder: String) throws -> String {
    let prefix = Array((folder + "/").utf8)
    var modules = try Reader.parse(ir)
    for m in modules.indices {
      for d in modules[m].data.indices where modules[m].data[d].count >= 8 + prefix.count {
        let text = modules[m].data[d].dropFirst(8)
        guard text.starts(with: prefix) else { continue }
        let relative = Array(text.dropFirst(prefix.count))
        modules[m].data[d] = (0..<8).map { UInt8(truncatingIfNeeded: relative.count >> (8 * $0)) } + relative
      }
    }
    return modules.map(Printer.print).joined()
  }

  @Test("lowering gives the golden IR", arguments: all.map(\.lastPathComponent))
  func golden(name: String) throws {
    let source = Fixtures.packageRoot.appendingPathComponent("Tests/filetests/lowering/\(name)")
    let golden = source.deletingPathExtension().appendingPathExtension("ir")
    var run = try MojocProcess.run(["build", source.path, "--emit", "ir", "--verify-ir"])
    try #require(run.status == 0, "\(name): mojoc failed (status \(run.status)):\n\(run.stderr)")
    run.stdout = try Self.relativeLocations(run.stdout, folder: source.deletingLastPathComponent().resolvingSymlinksInPath().path)
    if ProcessInfo.processInfo.environment["MOJOC_BLESS"] == "1" {
      try run.stdout.write(to: golden, atomically: true, encoding: .utf8)
    }
    let expected = (try? String(contentsOf: golden, encoding: .utf8)) ?? ""
    #expect(!expected.isEmpty, "\(name): no \(golden.lastPathComponent) (MOJOC_BLESS=1 writes it)")
    let modules = try Reader.parse(expected)
    #expect(modules.map(Printer.print).joined() == expected, "\(name): the golden IR does not print back as itself")
    for module in modules { #expect(Verifier.verify(module).isEmpty, "\(name): the golden IR does not verify") }
    if run.stdout != expected {
      let got = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
      let lines = expected.split(separator: "\n", omittingEmptySubsequences: false)
      let k = zip(got, lines).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(got.count, lines.count)
      Issue.record("""
        \(name): IR line \(k + 1) is '\(k < got.count ? got[k] : "<end>")', \
        expected '\(k < lines.count ? lines[k] : "<end>")' (MOJOC_BLESS=1 rewrites the golden file)
        """)
    }
  }
}
