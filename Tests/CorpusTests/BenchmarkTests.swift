//! Runs every program of `Corpus/benchmarks/` (compute-heavy programs for
//! `Scripts/bench-runtime`, 0.2 to 2 s each) once, built by the copy-and-patch backend, and checks
//! its output against `expected.txt` (real Mojo's output). Built with LLVM only by
//! `Scripts/bench-runtime`, to keep the test time modest.
import Foundation
import MojoDriver
import Testing
import TestSupport

/// The benchmark programs.
let benchmarkPrograms: [URL] = Fixtures.projects(in: Fixtures.corpus.appendingPathComponent("benchmarks"))

@Suite struct BenchmarkTests {
  @Test("there are at least 8 benchmark programs")
  func benchmarkCount() {
    #expect(benchmarkPrograms.count >= 8)
  }

  @Test("benchmark program prints real Mojo's output with cnp", arguments: benchmarkPrograms)
  func benchmarkOutput(project: URL) throws {
    let expected = try String(contentsOf: project.appendingPathComponent("expected.txt"), encoding: .utf8)
    let run = try Harness.buildAndRun(project, backend: .cnp)
    #expect(run.stderr == "", "\(project.lastPathComponent): \(run.stderr)")
    #expect(run.status == 0, "\(project.lastPathComponent) exited with \(run.status)")
    #expect(run.stdout == expected, "\(project.lastPathComponent) output differs:\n\(run.stdout)")
  }
}
