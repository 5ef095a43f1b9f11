//! The comparison harness: process measurement, backend names, the `--timings` table reader,
//! and the refusal to print ratios when backends disagree.
import Foundation
import MojoCorpus
import Testing

@Suite struct BenchTests {
  @Test("a spawned process reports its status and writes its output file")
  func processRunner() throws {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent("bench-out-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: out) }
    let m = try ProcessRunner.run(["/bin/sh", "-c", "echo hello; exit 3"], stdout: out, stderr: nil, timeout: 30)
    #expect(m.status == 3 && !m.timedOut)
    #expect(try String(contentsOfFile: out, encoding: .utf8) == "hello\n")
    #expect(m.wallSeconds > 0 && m.peakRSS > 0)
  }

  @Test("a process that runs too long is killed")
  func timeout() throws {
    let m = try ProcessRunner.run(["/bin/sleep", "10"], stdout: nil, stderr: nil, timeout: 0.2)
    #expect(m.timedOut && m.status == 128 + 9)
    #expect(m.wallSeconds < 5)
  }

  @Test("backend names")
  func backendNames() throws {
    #expect(try BenchBackend.parse("cnp").arguments == ["--backend", "cnp"])
    #expect(try BenchBackend.parse("llvm").name == "llvm-O0")
    #expect(try BenchBackend.parse("llvm-O2").arguments == ["--backend", "llvm", "-O2"])
    #expect(throws: CorpusError.self) { try BenchBackend.parse("gcc") }
  }

  @Test("the --timings phase table is read from the right")
  func phaseTable() {
    let text = """
      mojoc timings: 5 modules, 2 workers, total 194.09 ms, peak RSS 70.8 MiB
      phase                wall ms    cpu ms   share  jobs  parallel eff.
      parse                   5.99      5.17    3.1%     5          43.2%
      lower + codegen        80.12     33.73   41.3%     5          21.0%
        codegen                  -     30.53       -     -              -
      link                   97.58     23.34   50.3%     -              -
      total                 194.09
      """
    let rows = PhaseTimings.parse(text)
    #expect(rows.map(\.name) == ["parse", "lower + codegen", "codegen", "link"])
    #expect(rows[1].wallMilliseconds == 80.12 && rows[1].cpuMilliseconds == 33.73 && !rows[1].nested)
    #expect(rows[2].wallMilliseconds == nil && rows[2].cpuMilliseconds == 30.53 && rows[2].nested)
  }

  @Test("no ratios for a project whose backends disagree")
  func disagreementRefusesRatios() throws {
    func sample(_ wall: Double, hash: UInt64) -> BenchSample {
      let m = ProcessMeasurement(status: 0, timedOut: false, wallSeconds: wall, cpuSeconds: wall, peakRSS: 1 << 20)
      return BenchSample(build: m, phases: [], run: m, outputHash: hash)
    }
    func project(hashes: (UInt64, UInt64)) throws -> ProjectSummary {
      var a = BackendResult(backend: try BenchBackend.parse("cnp"))
      a.samples = [sample(1.0, hash: hashes.0), sample(3.0, hash: hashes.0), sample(2.0, hash: hashes.0)]
      var b = BackendResult(backend: try BenchBackend.parse("llvm-O0"))
      b.samples = [sample(4.0, hash: hashes.1)]
      return ProjectSummary(ProjectResult(path: "/x/p", lines: 100, files: 1, backends: [a, b]))
    }
    let agreeing = try project(hashes: (5, 5))
    #expect(agreeing.agree)
    #expect(agreeing.backends[0].buildWall == 2.0)  // the median of 1, 3, 2
    #expect(agreeing.ratio(1) { $0.buildWall } == 2.0)
    let disagreeing = try project(hashes: (5, 6))
    #expect(!disagreeing.agree)
    #expect(disagreeing.ratio(1) { $0.buildWall } == nil)
    #expect(BenchReport.markdown([disagreeing], repeats: 1, jobs: 1).contains("DISAGREE"))
    #expect(BenchHTML.page([agreeing], repeats: 1, jobs: 1).contains("<svg"))
  }
}
