//! Chrome trace JSON: valid JSON with the shape Perfetto and chrome://tracing read, metadata
//! for every track, microsecond times that keep children inside parents, granularity.
import Dispatch
import Foundation
import MojoProfiling
import Testing

@Suite struct ChromeTraceTests {
  /// A small profile: a build span on the driver, one job per track with a nested step.
  static func sampleProfile() -> BuildProfile {
    let spans = [
      Span(phase: .build, label: "", start: 0, duration: 9_000_000, cpu: 0, track: 0),
      Span(phase: .check, label: "", start: 1_000_500, duration: 4_000_000, cpu: 10, track: 0),
      Span(phase: .check, label: "main", start: 1_000_999, duration: 2_000_000, cpu: 2_000_000, track: 1),
      Span(phase: .lower, label: "main", start: 1_001_001, duration: 1_998_998, cpu: 1, track: 1, isDetail: true),
      Span(phase: .check, label: "util \"quoted\"\n", start: 1_200_000, duration: 3_000_000, cpu: 3_000_000, track: 2),
      Span(phase: .codegen, label: "util", start: 1_300_000, duration: 100_000, cpu: 1, track: 2, isDetail: true),
    ]
    return BuildProfile(spans: spans, workerCount: 2, peakResidentBytes: 1 << 20, linkerCPU: 0)
  }

  static func events(_ json: String) throws -> [[String: Any]] {
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8))
    let root = try #require(object as? [String: Any])
    return try #require(root["traceEvents"] as? [[String: Any]])
  }

  @Test func traceIsValidJSONWithCompleteAndMetadataEvents() throws {
    let events = try Self.events(ChromeTrace.json(Self.sampleProfile(), granularity: 0))
    let complete = events.filter { $0["ph"] as? String == "X" }
    #expect(complete.count == Self.sampleProfile().spans.count)
    let threadNames = events.filter { $0["ph"] as? String == "M" && $0["name"] as? String == "thread_name" }
    #expect(Set(threadNames.compactMap { $0["tid"] as? Int }) == [0, 1, 2])
    #expect(events.contains { $0["ph"] as? String == "M" && $0["name"] as? String == "process_name" })
    let details = complete.compactMap { ($0["args"] as? [String: Any])?["detail"] as? String }
    #expect(details.contains("util \"quoted\"\n"))
  }

  @Test func roundedTimesKeepChildrenInsideParents() throws {
    let events = try Self.events(ChromeTrace.json(Self.sampleProfile(), granularity: 0))
      .filter { $0["ph"] as? String == "X" }
    for child in events where (isNestedStep(child)) {
      let tid = child["tid"] as! Int, ts = child["ts"] as! Int, dur = child["dur"] as! Int
      let parents = events.filter {
        $0["tid"] as! Int == tid && !isNestedStep($0) && ($0["ts"] as! Int) <= ts
          && ($0["ts"] as! Int) + ($0["dur"] as! Int) >= ts + dur
      }
      #expect(!parents.isEmpty, "span \(child) is not inside a parent")
    }
  }

  @Test func threadDurationIsCPUTimeAndLinkCarriesLinkerCPU() throws {
    var profile = Self.sampleProfile()
    profile.spans.append(Span(phase: .link, label: "", start: 6_000_000, duration: 2_000_000, cpu: 300_000, track: 0))
    profile.linkerCPU = 1_500_000
    let events = try Self.events(ChromeTrace.json(profile, granularity: 0)).filter { $0["ph"] as? String == "X" }
    let job = try #require(events.first { ($0["args"] as? [String: Any])?["detail"] as? String == "main" && $0["name"] as? String == "check" })
    #expect(job["tdur"] as? Int == 2_000)
    let link = try #require(events.first { $0["name"] as? String == "link" })
    #expect(link["tdur"] as? Int == 300)
    #expect((link["args"] as? [String: Any])?["linker_cpu_us"] as? Int == 1_500)
  }

  @Test func granularityDropsShortNestedSpansOnly() throws {
    let events = try Self.events(ChromeTrace.json(Self.sampleProfile(), granularity: 500_000))
      .filter { $0["ph"] as? String == "X" }
    let names = events.map { $0["name"] as! String }
    #expect(names.contains("lower"))  // 2 ms: kept
    #expect(!names.contains("codegen"))  // 0.1 ms detail: dropped
    #expect(names.filter { $0 == "check" }.count == 3)  // stage and job spans always kept
  }

  @Test func recorderKeepsEveryTrackAndOrdersParentsFirst() throws {
    let recorder = SpanRecorder(workerCount: 4)
    DispatchQueue.concurrentPerform(iterations: 4) { worker in
      for job in 0..<50 {
        recorder.measure(.compile, "m\(worker)-\(job)", track: worker + 1) {
          recorder.measure(.codegen, "m\(worker)-\(job)", track: worker + 1, isDetail: true) {}
        }
      }
    }
    let spans = recorder.spans()
    #expect(spans.count == 4 * 50 * 2)
    for track in 1...4 {
      let mine = spans.filter { $0.track == track }
      #expect(mine.count == 100)
      // Sorted by start, a parent comes right before its child and contains it.
      for pair in stride(from: 0, to: mine.count, by: 2) {
        #expect(mine[pair].phase == .compile && mine[pair + 1].phase == .codegen)
        #expect(mine[pair].start <= mine[pair + 1].start && mine[pair + 1].end <= mine[pair].end)
      }
    }
  }
}

/// True for a nested step (its `name` is not a stage or job phase).
private func isNestedStep(_ event: [String: Any]) -> Bool {
  ["lower", "codegen", "verify IR", "write object"].contains(event["name"] as? String ?? "")
}
