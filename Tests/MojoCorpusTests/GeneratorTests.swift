//! The generator is deterministic, seed-sensitive, hits its size targets, and its building
//! blocks (SplitMix64, the integer writer) produce the documented values.
import Foundation
import MojoCorpus
import Testing

@Suite struct GeneratorTests {
  @Test("same options give the same bytes", arguments: CorpusShape.allCases)
  func deterministic(shape: CorpusShape) {
    let options = CorpusOptions(shape: shape, modules: 5, functions: 4, seed: 42)
    let first = CorpusGenerator.generate(options)
    let second = CorpusGenerator.generate(options)
    #expect(first.files.map(\.path) == second.files.map(\.path))
    #expect(first.files.map(\.bytes) == second.files.map(\.bytes))
    #expect(first.checksum == second.checksum)
  }

  @Test("a different seed gives different bytes", arguments: CorpusShape.allCases)
  func seedSensitive(shape: CorpusShape) {
    let a = CorpusGenerator.generate(CorpusOptions(shape: shape, modules: 3, functions: 3, seed: 1))
    let b = CorpusGenerator.generate(CorpusOptions(shape: shape, modules: 3, functions: 3, seed: 2))
    #expect(a.files.map(\.bytes) != b.files.map(\.bytes))
    #expect(a.checksum != b.checksum)
  }

  @Test("--lines lands near the requested size", arguments: CorpusShape.allCases)
  func sizeTarget(shape: CorpusShape) {
    let project = CorpusGenerator.generate(CorpusOptions(shape: shape, modules: 8, seed: 3, lines: 20_000))
    #expect(project.lines >= 18_000 && project.lines <= 23_000, "\(shape): \(project.lines) lines")
    // Counted lines are the newlines really written.
    let newlines = project.files.reduce(0) { $0 + $1.bytes.filter { $0 == 0x0A }.count }
    #expect(newlines == project.lines)
  }

  @Test("the wide shape spreads modules over packages with __init__ files")
  func widePackages() {
    let project = CorpusGenerator.generate(CorpusOptions(shape: .wide, modules: 20, functions: 2, seed: 9))
    let paths = Set(project.files.map(\.path))
    #expect(paths.contains("main.mojo"))
    #expect(paths.contains("pkg0/__init__.mojo") && paths.contains("pkg2/__init__.mojo"))
    #expect(paths.contains("pkg2/m19.mojo"))
    let text = project.files.map { String(decoding: $0.bytes, as: UTF8.self) }.joined()
    #expect(text.contains("import pkg"))
  }

  @Test("SplitMix64 matches the reference sequence")
  func splitMixReference() {
    // Reference values of SplitMix64 from seed 0 (Vigna's splitmix64.c).
    var rng = SplitMix64(seed: 0)
    #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
    #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
  }

  @Test("integers are written in decimal, including Int.min")
  func integerText() {
    var buffer = SourceBuffer()
    for value in [0, 7, -42, 1_000_000, Int.max, Int.min] {
      buffer.write(int: value)
      buffer.write(" ")
    }
    #expect(String(decoding: buffer.bytes, as: UTF8.self)
      == "0 7 -42 1000000 9223372036854775807 -9223372036854775808 ")
  }

  @Test("writing to a non-empty folder is refused")
  func refusesNonEmptyOutput() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("corpus-test-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let project = CorpusGenerator.generate(CorpusOptions(shape: .prints, modules: 1, functions: 1, seed: 1))
    try project.write(to: folder)
    let written = try Data(contentsOf: folder.appendingPathComponent("main.mojo"))
    #expect(Array(written) == project.files[0].bytes)
    #expect(throws: CorpusError.self) { try project.write(to: folder) }
  }
}
