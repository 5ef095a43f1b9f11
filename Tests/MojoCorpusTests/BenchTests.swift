//! The comparison harness: backend and C compiler names, the trace reader,
//! C compilers on a project's C equivalent, and the refusal to print ratios when outputs disagree.
import Foundation
import MojoCorpus
import MojoDriver
import ProcessKit
import Testing
import TestSupport

@Suite struct BenchTests {
  @Test("backend names")
  func backendNames() throws {
    #expect(try BenchBackend.parse("cnp").arguments == ["--backend", "cnp"])
    #expect(try BenchBackend.parse("llvm").name == "llvm-O0")
    #expect(try BenchBackend.parse("llvm-O2").arguments == ["--backend", "llvm", "-O2"])
    #expect(throws: CorpusError.self) { try BenchBackend.parse("gcc") }
  }

  @Test("phase rows come from the trace: driver wall, worker CPU, the linker's CPU on link")
  func phaseTrace() {
    let json = """
      {"traceEvents":[
      {"pid":1,"tid":0,"ph":"X","ts":0,"dur":9000,"tdur":100,"name":"build"},
      {"pid":1,"tid":0,"ph":"X","ts":0,"dur":3000,"tdur":20,"name":"parse"},
      {"pid":1,"tid":1,"ph":"X","ts":5,"dur":1500,"tdur":1400,"name":"parse","args":{"detail":"main"}},
      {"pid":1,"tid":2,"ph":"X","ts":5,"dur":1500,"tdur":1200,"name":"parse","args":{"detail":"util"}},
      {"pid":1,"tid":0,"ph":"X","ts":3000,"dur":50,"tdur":48,"name":"bind"},
      {"pid":1,"tid":1,"ph":"X","ts":3100,"dur":700,"tdur":650,"name":"codegen","args":{"detail":"main"}},
      {"pid":1,"tid":0,"ph":"X","ts":4000,"dur":2000,"tdur":300,"name":"link","args":{"linker_cpu_us":1500}},
      {"pid":1,"tid":0,"ph":"M","ts":0,"name":"thread_name","args":{"name":"driver"}}
      ]}
      """
    let rows = PhaseTimings.fromTrace(Data(json.utf8))
    #expect(rows.map(\.name) == ["parse", "bind", "codegen", "link"])
    #expect(rows[0].wallMilliseconds == 3.0 && abs(rows[0].cpuMilliseconds - 2.6) < 1e-9 && !rows[0].nested)
    #expect(rows[1].wallMilliseconds == 0.05 && rows[1].cpuMilliseconds == 0.048)
    #expect(rows[2].wallMilliseconds == nil && rows[2].cpuMilliseconds == 0.65 && rows[2].nested)
    #expect(rows[3].wallMilliseconds == 2.0 && abs(rows[3].cpuMilliseconds - 1.8) < 1e-9)
    #expect(PhaseTimings.fromTrace(Data("not json".utf8)).isEmpty)
  }

  @Test("a real build's trace gives every stage and the nested phases")
  func phaseTraceOfBuild() throws {
    let folder = Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let project = folder.appendingPathComponent("p")
    try CorpusGenerator.generate(CorpusOptions(shape: .wide, modules: 3, functions: 3, seed: 2)).write(to: project)
    let trace = folder.appendingPathComponent("trace.json").path
    var options = BuildOptions(input: project.path, output: folder.appendingPathComponent("exe").path)
    options.profiling = ProfilingOptions(timeTrace: .file(trace), granularityMicroseconds: 0)
    _ = try BuildRunner(options: options).run()
    let rows = PhaseTimings.fromTrace(path: trace)
    let names = rows.map(\.name)
    for stage in ["parse", "bind", "check", "lower + codegen", "link"] {
      #expect(rows.first { $0.name == stage }?.wallMilliseconds != nil, "stage \(stage) in \(names)")
    }
    let compile = try #require(rows.first { $0.name == "lower + codegen" })
    let codegen = try #require(rows.first { $0.name == "codegen" })
    let lower = try #require(rows.first { $0.name == "lower" })
    #expect(codegen.nested && lower.nested && codegen.cpuMilliseconds > 0)
    #expect(lower.cpuMilliseconds + codegen.cpuMilliseconds <= compile.cpuMilliseconds + 0.01)
    #expect(names.firstIndex(of: "parse")! < names.firstIndex(of: "check")!)
  }

  @Test("C compiler names")
  func cCompilerNames() throws {
    #expect(try BenchBackend.parseC("tcc").cCompiler == ["tcc"] + CProgram.linkFlags)
    #expect(try BenchBackend.parseC("gcc-O0").cCompiler == ["gcc", "-O0"] + CProgram.linkFlags)
    #expect(try BenchBackend.parseC("clang-O2").name == "clang-O2")
    #expect(throws: CorpusError.self) { try BenchBackend.parseC("gcc") }
    #expect(throws: CorpusError.self) { try BenchBackend.parseC("msvc") }
    #expect(BenchRunner.cFolder(of: "/tmp/wide/") == "/tmp/wide-c")
  }

  @Test("--vs-c: C compilers build the C equivalent beside mojoc; a differing output refuses ratios")
  func versusC() throws {
    // The mojoc executable built next to this test bundle.
    let mojoc = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("mojoc").path
    try #require(FileManager.default.isExecutableFile(atPath: mojoc), "no mojoc at \(mojoc)")
    let folder = Fixtures.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let project = folder.appendingPathComponent("deep").path
    let generated = CorpusGenerator.generate(CorpusOptions(shape: .deep, modules: 2, functions: 2, seed: 3, emitC: true))
    try generated.write(to: URL(fileURLWithPath: project))
    try generated.writeC(to: URL(fileURLWithPath: BenchRunner.cFolder(of: project)))

    var backends = [try BenchBackend.parse("cnp"), try BenchBackend.parseC("clang-O0")]
    if ChildProcess.find("tcc") != nil { backends.append(try BenchBackend.parseC("tcc")) }
    let options = BenchOptions(compiler: mojoc, projects: [project], backends: backends, repeats: 2, jobs: 2,
                               timeout: 120, measureObjects: false)
    let agreeing = ProjectSummary(try BenchRunner(options: options).run()[0])
    #expect(agreeing.backends.allSatisfy { $0.failure == nil }, "\(agreeing.backends.map(\.failure))")
    #expect(agreeing.agree)
    #expect(agreeing.ratio(1) { $0.buildWall } != nil)
    #expect(agreeing.backends[0].phase("codegen") != nil && agreeing.backends[1].phases.isEmpty)

    // The C program now prints one word differently from the Mojo program.
    let main = URL(fileURLWithPath: BenchRunner.cFolder(of: project) + "/main.c")
    let text = try String(contentsOf: main, encoding: .utf8)
    #expect(text.contains("\"deep checksum "))
    try text.replacingOccurrences(of: "\"deep checksum ", with: "\"DEEP checksum ").write(to: main, atomically: true, encoding: .utf8)
    var one = options
    one.repeats = 1
    let disagreeing = ProjectSummary(try BenchRunner(options: one).run()[0])
    #expect(!disagreeing.agree)
    #expect(disagreeing.ratio(1) { $0.buildWall } == nil)
    #expect(BenchReport.markdown([disagreeing], repeats: 1, jobs: 2).contains("DISAGREE"))

    // Without a C equivalent the compiler's row reports why.
    try FileManager.default.removeItem(atPath: BenchRunner.cFolder(of: project))
    let missing = ProjectSummary(try BenchRunner(options: one).run()[0])
    #expect(missing.backends[1].failure?.contains("no C equivalent") == true)
  }

  @Test("no ratios for a project whose backends disagree")
  func disagreementRefusesRatios() throws {
    func sample(_ wall: Double, hash: UInt64) -> BenchSample {
      let m = ChildProcessResult(status: 0, wallSeconds: wall, cpuSeconds: wall, peakRSS: 1 << 20)
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
