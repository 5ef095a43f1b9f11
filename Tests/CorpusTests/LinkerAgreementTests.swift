//! Every runnable Corpus program, built by each backend, runs the same whether the built-in
//! linker or a system linker (the fastest installed, `--linker auto`) made the executable.
import Foundation
import MojoCodegen
import MojoDriver
import Testing
import TestSupport

@Suite struct LinkerAgreementTests {
  @Test("built-in and system linker give the same program", arguments: runnablePrograms, BackendKind.allCases)
  func linkersAgree(project: URL, backend: BackendKind) throws {
    let optimization: OptimizationLevel = backend == .llvm ? .o2 : .o0
    let builtin = try Harness.buildAndRun(project, backend: backend, optimization: optimization, linker: .builtin)
    let system = try Harness.buildAndRun(project, backend: backend, optimization: optimization, linker: .auto)
    let ending = try ExpectedEnding(of: project)
    #expect(builtin.status == ending.status && builtin.stderr == ending.stderr, "\(project.lastPathComponent) [\(backend)]: \(builtin.stderr)")
    #expect(builtin.status == system.status && builtin.stdout == system.stdout && builtin.stderr == system.stderr,
            "\(project.lastPathComponent) [\(backend)]: linkers disagree\n--- builtin (status \(builtin.status))\n\(builtin.stdout)\n--- system (status \(system.status))\n\(system.stdout)")
  }
}
