//! `--timings`: phase rows add up the recorded spans, parallel efficiency follows its
//! definition, modules are ranked, and the HTML page is self-contained.
import MojoProfiling
import Testing

@Suite struct TimingsReportTests {
  static let profile = ChromeTraceTests.sampleProfile()

  @Test func phaseRowsSumTheJobSpans() throws {
    let report = TimingsReport(Self.profile)
    #expect(report.total == 9_000_000)
    let check = try #require(report.phases.first { $0.phase == .check })
    let jobs = Self.profile.spans.filter { $0.phase == .check && $0.track > 0 }
    #expect(check.wall == 4_000_000)
    #expect(check.cpu == jobs.map(\.cpu).reduce(0, +))
    #expect(check.jobs == jobs.count)
    let efficiency = try #require(check.parallelEfficiency)
    #expect(efficiency == Double(check.cpu) / (4_000_000.0 * 2))
    let lower = try #require(report.phases.first { $0.phase == .lower })
    #expect(lower.wall == nil)
  }

  @Test func modulesAreRankedSlowestFirst() {
    let report = TimingsReport(Self.profile)
    #expect(report.modules.map(\.name) == ["util \"quoted\"\n", "main"])
    #expect(report.modules[0].check == 3_000_000)
  }

  @Test func textNamesEveryPhaseAndModule() {
    let text = TimingsReport(Self.profile).text()
    for phase in ["check", "lower", "codegen", "main", "peak RSS 1.0 MiB"] { #expect(text.contains(phase)) }
  }

  @Test func htmlIsSelfContained() {
    let html = TimingsReport(Self.profile).html()
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.contains("<svg"))
    #expect(html.contains("worker 2"))
    #expect(html.contains("util &quot;quoted&quot;"))
    for external in ["<script", "src=", "href=", "@import", "url("] { #expect(!html.contains(external)) }
  }
}

@Suite struct CurrentJobTests {
  @Test func functionSpansLandOnTheBoundTrackOnly() {
    let recorder = SpanRecorder(workerCount: 2)
    // Unbound: nothing is recorded.
    let value = CurrentJob.measure(.lowerFunction, "unbound") { 41 + 1 }
    #expect(value == 42)
    CurrentJob.with(recorder, track: 2) {
      CurrentJob.measure(.lowerFunction, "f") {
        CurrentJob.measure(.lowerFunction, "g") {}
      }
    }
    CurrentJob.measure(.lowerFunction, "after") {}
    let spans = recorder.spans()
    #expect(spans.map(\.label) == ["f", "g"])
    #expect(spans.allSatisfy { $0.track == 2 && $0.isDetail })
    let report = TimingsReport(BuildProfile(spans: spans, workerCount: 2, peakResidentBytes: 0, linkerCPU: 0))
    #expect(Set(report.functions.map(\.label)) == ["f", "g"])
    #expect(report.text().contains("slowest functions"))
  }
}
