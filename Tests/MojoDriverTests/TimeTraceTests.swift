//! `--time-trace` and `--timings` from real builds: the trace is valid Chrome JSON, names every
//! module in every per-module phase, nests child spans inside parents on each thread, and is
//! written beside the output by default; the timings table and HTML page name every module.
import Foundation
import MojoCodegen
import Testing
import TestSupport
@testable import MojoDriver

@Suite struct TimeTraceTests {
  typealias Event = [String: Any]

  static func completeEvents(in file: URL) throws -> [Event] {
    let object = try JSONSerialization.jsonObject(with: Data(contentsOf: file))
    let root = try #require(object as? [String: Any])
    let events = try #require(root["traceEvents"] as? [Event])
    #expect(events.contains { $0["ph"] as? String == "M" && $0["name"] as? String == "process_name" })
    let named = Set(events.filter { $0["ph"] as? String == "M" && $0["name"] as? String == "thread_name" }
      .compactMap { $0["tid"] as? Int })
    let complete = events.filter { $0["ph"] as? String == "X" }
    for event in complete { #expect(named.contains(event["tid"] as? Int ?? -1), "tid without thread_name") }
    return complete
  }

  @Test(arguments: [1, 2, 4])
  func traceHasEveryModuleAndNestsOnEachThread(jobs: Int) throws {
    let folder = Fixtures.temporaryFolder()
    let exe = folder.appendingPathComponent("app")
    let result = try ParallelDriverTests.build(ParallelDriverTests.primes, output: exe, jobs: jobs) {
      $0.profiling = ProfilingOptions(timeTrace: .besideOutput, granularityMicroseconds: 0)
    }
    let traceFile = folder.appendingPathComponent("app.trace.json")
    #expect(result.reportFiles == [traceFile.path])
    let events = try Self.completeEvents(in: traceFile)
    let modules = try ProjectLoader(input: ParallelDriverTests.primes.path).load(executor: SerialExecutor()).modules
      .map(\.name)
    func detail(_ e: Event) -> String? { (e["args"] as? [String: Any])?["detail"] as? String }
    // (No "write object": the built-in linker takes the objects from memory.)
    for phase in ["parse", "check", "lower + codegen", "lower", "codegen"] {
      let named = Set(events.filter { $0["name"] as? String == phase }.compactMap(detail))
      #expect(named == Set(modules), "phase \(phase)")
    }
    for stage in ["build", "parse", "bind", "check", "lower + codegen", "link"] {
      #expect(events.contains { $0["name"] as? String == stage && $0["tid"] as? Int == 0 }, "stage \(stage)")
    }
    let workerTids = Set(events.compactMap { $0["tid"] as? Int }).subtracting([0])
    #expect(!workerTids.isEmpty && workerTids.count <= jobs)
    // On each thread, spans are properly nested: any two are disjoint or one contains the other,
    // and every nested step sits inside its module's job span.
    for tid in Set(events.compactMap { $0["tid"] as? Int }) {
      let mine = events.filter { $0["tid"] as? Int == tid }
        .map { (start: $0["ts"] as! Int, end: ($0["ts"] as! Int) + ($0["dur"] as! Int), event: $0) }
      for a in mine {
        for b in mine {
          let disjoint = a.end <= b.start || b.end <= a.start
          let nested = (a.start <= b.start && b.end <= a.end) || (b.start <= a.start && a.end <= b.end)
          #expect(disjoint || nested, "overlapping spans on tid \(tid)")
        }
        if ["lower", "codegen", "write object", "verify IR"].contains(a.event["name"] as? String ?? "") {
          #expect(mine.contains {
            $0.event["name"] as? String == "lower + codegen" && detail($0.event) == detail(a.event)
              && $0.start <= a.start && a.end <= $0.end
          })
        }
      }
    }
  }

  @Test func traceGoesToTheGivenFileAndGranularityDropsShortSteps() throws {
    let folder = Fixtures.temporaryFolder()
    let traceFile = folder.appendingPathComponent("custom.json")
    _ = try ParallelDriverTests.build(ParallelDriverTests.primes, output: folder.appendingPathComponent("app")) {
      $0.profiling = ProfilingOptions(timeTrace: .file(traceFile.path), granularityMicroseconds: 10_000_000)
    }
    let events = try Self.completeEvents(in: traceFile)
    #expect(!events.contains { ["lower", "codegen", "write object"].contains($0["name"] as? String ?? "") })
    #expect(events.contains { $0["name"] as? String == "lower + codegen" })
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("app.trace.json").path))
  }

  @Test func timingsNameEveryModuleAndTheLink() throws {
    let folder = Fixtures.temporaryFolder()
    let result = try ParallelDriverTests.build(ParallelDriverTests.primes, output: folder.appendingPathComponent("app")) {
      $0.profiling = ProfilingOptions(timingsText: true, timingsHTML: .besideOutput)
    }
    let text = try #require(result.timingsText)
    let modules = try ProjectLoader(input: ParallelDriverTests.primes.path).load(executor: SerialExecutor()).modules
    for module in modules { #expect(text.contains(module.name)) }
    #expect(text.contains("link:"))
    #expect(text.contains("peak RSS"))
    let html = try String(contentsOf: folder.appendingPathComponent("app.timings.html"), encoding: .utf8)
    #expect(html.contains("<svg"))
    for module in modules { #expect(html.contains(module.name)) }
  }

  @Test func nothingIsMeasuredWhenProfilingIsOff() throws {
    let folder = Fixtures.temporaryFolder()
    let result = try ParallelDriverTests.build(ParallelDriverTests.primes, output: folder.appendingPathComponent("app"))
    #expect(result.timingsText == nil && result.reportFiles.isEmpty)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["app"])
  }
}
