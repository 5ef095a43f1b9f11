//! `--timings=html`: one self-contained HTML page (no scripts, no network) with a Gantt chart
//! of the driver and worker timelines as inline SVG, and the tables of the text report.

extension TimingsReport {
  /// The report as a complete HTML document.
  public func html(title: String = "mojoc build timings") -> String {
    var out = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>\(escaped(title))</title>\n<style>\n"
    out += "body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse;margin:1em 0}"
    out += "td,th{border:1px solid #ccc;padding:2px 8px;text-align:right}td:first-child,th:first-child{text-align:left}"
    out += "svg text{font-size:11px;font-family:sans-serif}\n</style></head><body>\n"
    out += "<h1>\(escaped(title))</h1>\n<p>\(modules.count) modules, \(profile.workerCount) workers, "
    out += "total \(ms(total)) ms, peak RSS \(mebibytes(profile.peakResidentBytes)) MiB"
    if let link = linkWall { out += ", link \(ms(link)) ms (linker CPU \(ms(profile.linkerCPU)) ms)" }
    out += "</p>\n<h2>Timeline</h2>\n" + gantt() + legend()
    out += "<h2>Phases</h2>\n<table><tr><th>phase</th><th>wall ms</th><th>cpu ms</th><th>share</th>"
    out += "<th>jobs</th><th>parallel efficiency</th></tr>\n"
    for row in phases {
      out += "<tr><td>\(row.phase.isStage ? "" : "&nbsp;&nbsp;")\(escaped(row.phase.name))</td>"
      out += "<td>\(row.wall.map(ms) ?? "-")</td><td>\(ms(row.cpu))</td>"
      out += "<td>\(row.wall.map { percent($0, of: total) } ?? "-")</td>"
      out += "<td>\(row.jobs > 0 ? String(row.jobs) : "-")</td><td>\(row.parallelEfficiency.map { percent($0) } ?? "-")</td></tr>\n"
    }
    out += "<tr><th>total</th><th>\(ms(total))</th><th></th><th></th><th></th><th></th></tr></table>\n"
    out += "<h2>Slowest modules</h2>\n<table><tr><th>module</th><th>total ms</th><th>parse</th><th>check</th>"
    out += "<th>lower + codegen</th></tr>\n"
    for row in modules.prefix(50) {
      out += "<tr><td>\(escaped(row.name))</td><td>\(ms(row.total))</td><td>\(ms(row.parse))</td>"
      out += "<td>\(ms(row.check))</td><td>\(ms(row.compile))</td></tr>\n"
    }
    out += "</table>\n"
    if !functions.isEmpty {
      out += "<h2>Slowest functions</h2>\n<table><tr><th>function</th><th>ms</th><th>phase</th></tr>\n"
      for span in functions.prefix(50) {
        out += "<tr><td>\(escaped(span.label))</td><td>\(ms(span.duration))</td><td>\(escaped(span.phase.name))</td></tr>\n"
      }
      out += "</table>\n"
    }
    out += "</body></html>\n"
    return out
  }

  /// Rows of bars, one row per track, x proportional to time; nested spans are drawn thinner
  /// on top of their parents.
  func gantt() -> String {
    let width = 1200.0, labelWidth = 80.0, rowHeight = 26.0
    let rows = profile.workerCount + 1
    let height = Double(rows) * rowHeight + 24
    let end = max(1, profile.spans.map(\.end).max() ?? 1)
    let scale = (width - labelWidth - 10) / Double(end)
    var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\">\n"
    for track in 0..<rows {
      let y = Double(track) * rowHeight
      out += "<text x=\"2\" y=\"\(fixed(y + 16, digits: 1))\">\(track == 0 ? "driver" : "worker \(track)")</text>\n"
      out += "<line x1=\"\(Int(labelWidth))\" y1=\"\(fixed(y + rowHeight, digits: 1))\" x2=\"\(Int(width))\" "
      out += "y2=\"\(fixed(y + rowHeight, digits: 1))\" stroke=\"#eee\"/>\n"
    }
    for span in profile.spans where span.phase != .build {
      let nested = span.isDetail || (span.track == 0 && !span.phase.isStage)
      let x = labelWidth + Double(span.start) * scale
      let w = max(0.5, Double(span.duration) * scale)
      let y = Double(span.track) * rowHeight + (nested ? 10 : 3)
      let h = nested ? 12.0 : 20.0
      let label = span.phase.name + (span.label.isEmpty ? "" : " " + span.label)
      out += "<rect x=\"\(fixed(x, digits: 2))\" y=\"\(fixed(y, digits: 1))\" width=\"\(fixed(w, digits: 2))\" "
      out += "height=\"\(Int(h))\" fill=\"\(color(span.phase))\" stroke=\"#fff\" stroke-width=\"0.3\">"
      out += "<title>\(escaped(label)): \(ms(span.duration)) ms</title></rect>\n"
    }
    let axisY = Double(rows) * rowHeight + 16
    out += "<text x=\"\(Int(labelWidth))\" y=\"\(fixed(axisY, digits: 1))\">0 ms</text>"
    out += "<text x=\"\(Int(width) - 80)\" y=\"\(fixed(axisY, digits: 1))\">\(ms(end)) ms</text>\n</svg>\n"
    return out
  }

  /// The colour key of the chart.
  func legend() -> String {
    var out = "<p>"
    for phase in Phase.allCases where phase != .build {
      out += "<span style=\"display:inline-block;width:12px;height:12px;background:\(color(phase))\"></span> "
      out += escaped(phase.name) + " &nbsp; "
    }
    return out + "</p>\n"
  }

  func color(_ phase: Phase) -> String {
    switch phase {
    case .build: "#999999"
    case .parse: "#4e79a7"
    case .bind: "#9c755f"
    case .check: "#59a14f"
    case .compile: "#f28e2b"
    case .lower: "#edc948"
    case .verify: "#bab0ac"
    case .lowerFunction: "#d4b84a"
    case .codegen: "#e15759"
    case .writeObject: "#76b7b2"
    case .link: "#b07aa1"
    case .cleanup: "#ff9da7"
    case .run: "#86bcb6"
    case .cache: "#8cd17d"
    case .remote: "#499894"
    }
  }

  func escaped(_ text: String) -> String {
    var out = ""
    for c in text {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default: out.append(c)
      }
    }
    return out
  }
}
