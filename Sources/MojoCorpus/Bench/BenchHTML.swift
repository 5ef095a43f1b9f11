//! The comparison as one self-contained HTML page: a log-log plot of build time against
//! project size per backend, stacked per-phase bars for every project, and the full table.
//! Plain inline SVG, no scripts or external files, so the page can be attached anywhere.
import Glibc
import MojoProfiling

/// Renders summaries as an HTML page.
public enum BenchHTML {
  static let colors = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"]
  static let stages = ["parse", "bind", "check", "lower + codegen", "link"]

  public static func page(_ projects: [ProjectSummary], repeats: Int, jobs: Int) -> String {
    var html = """
      <!DOCTYPE html><html><head><meta charset="utf-8"><title>mojoc backend comparison</title>
      <style>body{font:14px sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;
      padding:2px 6px;text-align:right}th{background:#eee}svg text{font:11px sans-serif}</style></head><body>
      <h1>mojoc backend comparison</h1><p>Medians of \(repeats) interleaved build(s) per backend, -j\(jobs).</p>
      <h2>Build time against project size</h2>

      """
    html += sizePlot(projects)
    html += "<h2>Build phases (wall ms, medians)</h2>\n" + phaseBars(projects)
    html += "<h2>Table</h2>\n" + table(projects)
    return html + "</body></html>\n"
  }

  /// Backends in first-seen order.
  static func backendNames(_ projects: [ProjectSummary]) -> [String] {
    var names: [String] = []
    for p in projects { for b in p.backends where !names.contains(b.backend) { names.append(b.backend) } }
    return names
  }

  /// Log-log scatter of (lines, build wall seconds), one colour per backend.
  static func sizePlot(_ projects: [ProjectSummary]) -> String {
    let names = backendNames(projects)
    let points = projects.flatMap { p in p.backends.compactMap { b in b.buildWall.map { (b.backend, Double(p.lines), $0) } } }
    guard !points.isEmpty else { return "<p>No successful builds.</p>\n" }
    let width = 640.0, height = 400.0, left = 60.0, bottom = 40.0, top = 10.0, right = 120.0
    let xs = points.map { log10(max($0.1, 1)) }, ys = points.map { log10(max($0.2, 1e-4)) }
    let (x0, x1) = (floor(xs.min()!), ceil(xs.max()!) + (xs.min() == xs.max() ? 1 : 0))
    let (y0, y1) = (floor(ys.min()!), ceil(ys.max()!) + (ys.min() == ys.max() ? 1 : 0))
    func px(_ x: Double) -> Double { left + (log10(max(x, 1)) - x0) / (x1 - x0) * (width - left - right) }
    func py(_ y: Double) -> Double { height - bottom - (log10(max(y, 1e-4)) - y0) / (y1 - y0) * (height - top - bottom) }
    var svg = "<svg width=\"\(Int(width))\" height=\"\(Int(height))\" xmlns=\"http://www.w3.org/2000/svg\">\n"
    for e in Int(x0)...Int(x1) {
      let x = px(pow(10, Double(e)))
      svg += line(x, top, x, height - bottom, "#ddd") + label(x, height - bottom + 15, "1e\(e) lines", "middle")
    }
    for e in Int(y0)...Int(y1) {
      let y = py(pow(10, Double(e)))
      svg += line(left, y, width - right, y, "#ddd") + label(left - 5, y + 4, "\(formatSeconds(pow(10, Double(e))))", "end")
    }
    for (i, name) in names.enumerated() {
      let color = colors[i % colors.count]
      let mine = points.filter { $0.0 == name }.sorted { $0.1 < $1.1 }
      let path = mine.map { f1(px($0.1)) + "," + f1(py($0.2)) }.joined(separator: " ")
      svg += "<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(color)\" stroke-opacity=\"0.4\"/>\n"
      for p in mine {
        svg += "<circle cx=\"\(f1(px(p.1)))\" cy=\"\(f1(py(p.2)))\" r=\"3.5\" fill=\"\(color)\"><title>\(escape(name)): "
          + "\(Int(p.1)) lines, \(p.2.fixed(3)) s</title></circle>\n"
      }
      svg += "<rect x=\"\(Int(width - right + 10))\" y=\"\(20 + i * 18)\" width=\"10\" height=\"10\" fill=\"\(color)\"/>"
      svg += label(width - right + 25, Double(29 + i * 18), name, "start")
    }
    return svg + "</svg>\n"
  }

  /// One stacked bar per (project, backend) of the stage wall times.
  static func phaseBars(_ projects: [ProjectSummary]) -> String {
    let rows = projects.flatMap { p in p.backends.map { (String(p.path.split(separator: "/").last ?? ""), $0) } }
      .filter { !$0.1.phases.isEmpty }
    guard !rows.isEmpty else { return "<p>No per-phase times (no <code>--time-trace</code> from this mojoc, or C compilers only).</p>\n" }
    let longest = rows.map { r in stages.compactMap { r.1.phase($0)?.wallMilliseconds }.reduce(0, +) }.max() ?? 1
    let width = 900.0, labelWidth = 230.0, barHeight = 16.0
    let height = Double(rows.count) * (barHeight + 4) + 30
    var svg = "<svg width=\"\(Int(width))\" height=\"\(Int(height))\" xmlns=\"http://www.w3.org/2000/svg\">\n"
    for (i, row) in rows.enumerated() {
      let y = Double(i) * (barHeight + 4)
      svg += label(labelWidth - 5, y + 12, "\(row.0) \(row.1.backend)", "end")
      var x = labelWidth
      for (s, stage) in stages.enumerated() {
        guard let ms = row.1.phase(stage)?.wallMilliseconds else { continue }
        let w = ms / max(longest, 1e-9) * (width - labelWidth - 80)
        svg += "<rect x=\"\(f1(x))\" y=\"\(f1(y))\" width=\"\(f1(w))\" height=\"\(f1(barHeight))\" "
          + "fill=\"\(colors[s % colors.count])\"><title>\(escape(stage)) \(f1(ms)) ms</title></rect>\n"
        x += w
      }
      svg += label(x + 4, y + 12, (x > labelWidth ? (x - labelWidth) / (width - labelWidth - 80) * longest : 0).fixed(0) + " ms", "start")
    }
    let legendY = Double(rows.count) * (barHeight + 4) + 14
    for (s, stage) in stages.enumerated() {
      let x = labelWidth + Double(s) * 120
      svg += "<rect x=\"\(Int(x))\" y=\"\(Int(legendY - 9))\" width=\"10\" height=\"10\" fill=\"\(colors[s % colors.count])\"/>"
      svg += label(x + 14, legendY, stage, "start")
    }
    return svg + "</svg>\n"
  }

  /// The Markdown table's numbers as HTML.
  static func table(_ projects: [ProjectSummary]) -> String {
    let markdown = BenchReport.markdown(projects, repeats: 0, jobs: 0)
    var html = "<table>\n"
    let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("|") && !$0.hasPrefix("| ---") }
    for (i, line) in rows.enumerated() {
      let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast()
        .map { escape(String($0.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())) }
      let tag = i == 0 ? "th" : "td"
      html += "<tr>" + cells.map { "<\(tag)>\($0)</\(tag)>" }.joined() + "</tr>\n"
    }
    html += "</table>\n<ul>"
    for line in markdown.split(separator: "\n") where line.hasPrefix("- ") { html += "<li>\(escape(String(line.dropFirst(2))))</li>" }
    return html + "</ul>\n"
  }

  static func f1(_ value: Double) -> String { value.fixed(1) }
  static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ color: String) -> String {
    "<line x1=\"\(f1(x1))\" y1=\"\(f1(y1))\" x2=\"\(f1(x2))\" y2=\"\(f1(y2))\" stroke=\"\(color)\"/>\n"
  }
  static func label(_ x: Double, _ y: Double, _ text: String, _ anchor: String) -> String {
    "<text x=\"\(f1(x))\" y=\"\(f1(y))\" text-anchor=\"\(anchor)\">\(escape(text))</text>\n"
  }
  static func formatSeconds(_ s: Double) -> String { s >= 1 ? "\(Int(s)) s" : "\(s * 1000 >= 1 ? "\(Int(s * 1000)) ms" : "\(s) s")" }
  static func escape(_ text: String) -> String {
    text.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;")
  }
}
