//! Every shape at a small size compiles without any diagnostic and runs to the same output and
//! exit status with both backends (in-process driver, as the conformance tests do).
import Foundation
import MojoCodegen
import MojoCorpus
import MojoDiagnostics
import MojoDriver
import Testing
import TestSupport

@Suite struct ShapeBuildTests {
  @Test("small projects build cleanly and both backends agree", arguments: CorpusShape.allCases, [UInt64(1), 77])
  func bothBackendsAgree(shape: CorpusShape, seed: UInt64) throws {
    let folder = Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let project = folder.appendingPathComponent("project")
    try CorpusGenerator.generate(CorpusOptions(shape: shape, modules: 3, functions: 3, seed: seed)).write(to: project)

    var outputs: [ProgramRun] = []
    for (backend, level) in [(BackendKind.cnp, OptimizationLevel.o0), (.llvm, .o0), (.llvm, .o2)] {
      let exe = folder.appendingPathComponent("program-\(backend)-\(level)")
      let diagnostics = try Harness.build(project, backend: backend, optimization: level, output: exe)
      #expect(diagnostics.isEmpty, "\(shape) [\(backend)]: \(diagnostics.map { DiagnosticRenderer.render($0) }.joined())")
      guard diagnostics.isEmpty else { return }
      let run = try Harness.run(exe)
      #expect(run.status == 0 && run.stderr.isEmpty, "\(shape) [\(backend)]: status \(run.status) \(run.stderr)")
      outputs.append(run)
    }
    #expect(outputs[0].stdout.contains("\(shape.rawValue) checksum"))
    for other in outputs.dropFirst() {
      #expect(other.stdout == outputs[0].stdout, "\(shape): backends print different output")
      #expect(other.status == outputs[0].status)
    }
  }
}
