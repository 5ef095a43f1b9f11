//! `corpus generate --emit-c`: the C program of every shape prints exactly what the Mojo program
//! built by mojoc prints, compiled by the system C compiler at -O2 (and by `tcc` when installed),
//! and asking for C leaves the Mojo text unchanged.
import Foundation
import MojoCodegen
import MojoCorpus
import MojoDiagnostics
import MojoDriver
import Testing
import TestSupport

@Suite struct CEquivalentTests {
  static let shapes = CorpusShape.allCases.filter(\.hasCEquivalent)

  @Test("the C program prints what the Mojo program prints", arguments: shapes, [UInt64(1), 77])
  func sameOutput(shape: CorpusShape, seed: UInt64) throws {
    let folder = Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let project = CorpusGenerator.generate(CorpusOptions(shape: shape, modules: 3, functions: 3, seed: seed, emitC: true))
    try project.write(to: folder.appendingPathComponent("mojo"))
    try project.writeC(to: folder.appendingPathComponent("c"))

    let exe = folder.appendingPathComponent("mojo-exe")
    let diagnostics = try Harness.build(folder.appendingPathComponent("mojo"), backend: .cnp, output: exe)
    #expect(diagnostics.isEmpty, "\(diagnostics.map { DiagnosticRenderer.render($0) }.joined())")
    let expected = try Harness.run(exe)
    #expect(expected.status == 0 && expected.stdout.contains("\(shape.rawValue) checksum"))

    let sources = project.cFiles.map(\.path).filter { $0.hasSuffix(".c") }.map { folder.appendingPathComponent("c/\($0)").path }
    let runtime = folder.appendingPathComponent("c/mojo_runtime.o").path
    // The system C compiler (clang-19 is always there: Scripts/bootstrap installs it).
    let cc = try #require(["cc", "gcc", "clang", "clang-19"].first { Self.find($0) != nil }, "no C compiler")
    var compilers = [[cc, "-O2", "-std=c11"] + CProgram.linkFlags]
    if Self.find("tcc") != nil { compilers.append(["tcc"] + CProgram.linkFlags) }
    for compiler in compilers {
      let cExe = folder.appendingPathComponent("c-exe-\(compiler[0])")
      let status = try Self.spawn(compiler + sources + [runtime, "-o", cExe.path])
      #expect(status == 0, "\(compiler[0]) failed on the \(shape) C program")
      guard status == 0 else { continue }
      let run = try Harness.run(cExe)
      #expect(run.status == 0)
      #expect(run.stdout == expected.stdout, "\(shape) seed \(seed): \(compiler[0])'s program prints different output")
    }
  }

  @Test("asking for C does not change the Mojo project", arguments: CorpusShape.allCases)
  func mojoUnchanged(shape: CorpusShape) {
    let plain = CorpusGenerator.generate(CorpusOptions(shape: shape, modules: 4, seed: 5, lines: 3_000))
    let withC = CorpusGenerator.generate(CorpusOptions(shape: shape, modules: 4, seed: 5, lines: 3_000, emitC: true))
    #expect(plain.checksum == withC.checksum)
    #expect(plain.cFiles.isEmpty)
    #expect(withC.cFiles.isEmpty == !shape.hasCEquivalent)
    if shape.hasCEquivalent {
      // One C file per Mojo module (package __init__ files hold no code) and the prelude.
      let modules = plain.files.filter { !$0.path.hasSuffix("__init__.mojo") }.count
      #expect(withC.cFiles.count == modules + 1)
      #expect(withC.cFiles.contains { $0.path == "mojo_prelude.h" })
    }
  }

  /// The full path of `tool` on PATH.
  static func find(_ tool: String) -> String? {
    for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
      let path = "\(folder)/\(tool)"
      if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
  }

  /// Runs a command found on PATH and returns its exit status.
  static func spawn(_ arguments: [String]) throws -> Int32 {
    let tool = try #require(find(arguments[0]), "\(arguments[0]) not on PATH")
    let scratch = Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: scratch) }
    return try Launch.run([tool] + arguments.dropFirst(), scratch: scratch).status
  }
}
