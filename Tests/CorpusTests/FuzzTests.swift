//! Quick fuzzing in the test suite: `Scripts/fuzz --quick` with a fixed seed against the mojoc
//! built next to these tests. Inputs are mutated Corpus projects and generated deep or large
//! programs; each is built with both backends and the two programs are run and compared. A
//! compiler crash, a compiler hang or a backend disagreement fails the test with the path of
//! the saved reproducer (replay one with `Scripts/fuzz --seed 1 --only INDEX`).
import Foundation
import Testing
import TestSupport

/// Fixed parameters of the quick run: the same inputs every time.
private enum QuickFuzz {
  static let seed = 1
  static let inputs = 200
  /// Stop starting new inputs after this many seconds (a slow machine still ends).
  static let budgetSeconds = 120
  /// Fewest inputs that must have been checked for the run to count.
  static let minimumInputs = 100
}

@Suite struct FuzzTests {
  /// The folder of the built products (the test runner and mojoc sit side by side).
  static var productsFolder: URL {
    URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
  }

  @Test("quick fuzz finds no crash, hang or backend disagreement")
  func quickFuzz() throws {
    let mojoc = Self.productsFolder.appendingPathComponent("mojoc")
    try #require(FileManager.default.isExecutableFile(atPath: mojoc.path), "no mojoc at \(mojoc.path)")
    let out = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("mojoc-fuzz-test-\(UUID().uuidString)")
    let summaryURL = out.appendingPathComponent("summary.json")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    let scratch = Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let run = try Launch.run([
      "/usr/bin/env", "python3", Fixtures.packageRoot.appendingPathComponent("Scripts/fuzz").path, "--quick",
      "--seed", "\(QuickFuzz.seed)", "--count", "\(QuickFuzz.inputs)", "--time", "\(QuickFuzz.budgetSeconds)",
      "--mojoc", mojoc.path, "--out", out.path, "--json", summaryURL.path,
    ], scratch: scratch)
    let output = run.stdout + run.stderr

    #expect(run.status == 0, "fuzz failed; reproducers in \(out.path):\n\(output)")
    let data = try Data(contentsOf: summaryURL)
    let summary = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let inputs = summary["inputs"] as? Int ?? 0
    let outcomes = summary["outcomes"] as? [String: Int] ?? [:]
    #expect(inputs >= QuickFuzz.minimumInputs, "only \(inputs) inputs checked in the time budget:\n\(output)")
    // Both kinds of outcome must occur, or the mutations (or the builds) are not doing anything.
    #expect((outcomes["built"] ?? 0) >= inputs / 10, "too few inputs built by both backends: \(outcomes)")
    #expect((outcomes["rejected"] ?? 0) >= inputs / 10, "too few inputs rejected with an error: \(outcomes)")
    if run.status == 0 { try? FileManager.default.removeItem(at: out) }
  }
}
