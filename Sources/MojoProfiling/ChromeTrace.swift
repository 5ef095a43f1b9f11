//! Writes spans as Chrome Trace Event JSON, the format of clang's `-ftime-trace`, which
//! Perfetto (ui.perfetto.dev) and `chrome://tracing` open: `{"traceEvents":[...]}` with one
//! `X` (complete) event per span, `ts`/`dur` in microseconds, one `tid` per track, and `M`
//! (metadata) events naming the process and each thread. `tdur` (the format's thread-clock
//! duration) holds the recording thread's CPU time in microseconds, and the driver's `link`
//! span carries the linker process's CPU time as `args.linker_cpu_us`, so scripts read CPU
//! time per phase from the trace rather than from the `--timings` table.

/// Chrome Trace Event JSON.
public enum ChromeTrace {
  /// The trace of `profile` as JSON text. Detail spans shorter than `granularity` nanoseconds
  /// are left out.
  public static func json(_ profile: BuildProfile, granularity: UInt64, processName: String = "mojoc") -> String {
    var out = "{\"traceEvents\":[\n"
    var first = true
    func event(_ text: String) {
      if !first { out += ",\n" }
      first = false
      out += text
    }
    for span in profile.spans where !span.isDetail || span.duration >= granularity {
      // Both ends are rounded down to whole microseconds, so a child's rounded interval stays
      // inside its parent's.
      let start = span.start / 1000
      let end = span.end / 1000
      var text = "{\"pid\":1,\"tid\":\(span.track),\"ph\":\"X\",\"ts\":\(start),\"dur\":\(end - start),"
      text += "\"tdur\":\(span.cpu / 1000),\"name\":\(quoted(span.phase.name))"
      if !span.label.isEmpty {
        text += ",\"args\":{\"detail\":\(quoted(span.label))}"
      } else if span.track == 0 && span.phase == .link {
        text += ",\"args\":{\"linker_cpu_us\":\(profile.linkerCPU / 1000)}"
      }
      text += "}"
      event(text)
    }
    event("{\"pid\":1,\"tid\":0,\"ph\":\"M\",\"ts\":0,\"name\":\"process_name\",\"args\":{\"name\":\(quoted(processName))}}")
    for track in 0...profile.workerCount {
      let name = track == 0 ? "driver" : "worker \(track)"
      event("{\"pid\":1,\"tid\":\(track),\"ph\":\"M\",\"ts\":0,\"name\":\"thread_name\",\"args\":{\"name\":\(quoted(name))}}")
    }
    out += "\n]}\n"
    return out
  }

  /// `text` as a JSON string literal (also used by the driver's `--emit-actions`).
  public static func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}
