//! `mojoc bench DIR... [--backends cnp,llvm-O0,llvm-O2] [--repeat N] [-j N] [--csv FILE]
//! [--html FILE] [--timeout S] [--no-objects] [--vs-c tcc,clang-O0,gcc-O0]`: builds every
//! project with every backend by spawning this mojoc (so wall, CPU and peak RSS are
//! whole-process numbers), and with each `--vs-c` compiler from its C equivalent in `DIR-c`,
//! runs what each produced, and prints a Markdown table; ratios only for projects whose
//! outputs agree.
import ArgumentParser
import FoundationEssentials
import Glibc
import MojoCorpus

extension Mojoc {
  struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "bench", abstract: "Compare backends on projects: build time per phase, sizes, peak RSS, run time.")

    @Argument(help: "Project folders.")
    var projects: [String]

    @Option(help: "Comma-separated backends: cnp, llvm-O0 ... llvm-O3.")
    var backends = "cnp,llvm-O0,llvm-O2"

    @Option(name: .customLong("repeat"), help: "Builds per backend and project (medians are reported).")
    var repeats = 3

    @Option(name: .customShort("j", allowingJoined: true), help: "Worker threads of each build.")
    var jobs: Int?

    @Option(help: "Write the numbers as CSV to this file.")
    var csv: String?

    @Option(help: "Write a self-contained HTML page with plots to this file.")
    var html: String?

    @Option(help: "Seconds after which a build or a program run is killed.")
    var timeout: Double = 1800

    @Flag(help: "Skip the extra --emit obj build that measures object sizes.")
    var noObjects = false

    @Option(help: "The mojoc to benchmark (default: this executable).")
    var mojoc: String?

    @Option(name: .customLong("vs-c"), help: "Comma-separated C compilers (tcc, gcc-O0 ... gcc-O3, clang-O0 ... clang-O3) that build each project's C equivalent from DIR-c (mojoc corpus generate ... -o DIR --emit-c DIR-c), in the same interleaved rounds.")
    var vsC: String?

    func run() throws {
      let parsed: [BenchBackend]
      do {
        parsed = try backends.split(separator: ",").map { try BenchBackend.parse(String($0)) }
          + (vsC ?? "").split(separator: ",").map { try BenchBackend.parseC(String($0)) }
      } catch {
        throw ValidationError("\(error)")
      }
      let compiler = mojoc ?? Self.currentExecutable()
      let jobCount = jobs ?? ProcessInfo.processInfo.activeProcessorCount
      let options = BenchOptions(compiler: compiler, projects: projects, backends: parsed, repeats: repeats,
                                 jobs: jobCount, timeout: timeout, measureObjects: !noObjects)
      var runner = BenchRunner(options: options)
      runner.progress = { StandardStreams.error("bench: \($0)\n") }
      let summaries = try runner.run().map(ProjectSummary.init)
      print(BenchReport.markdown(summaries, repeats: repeats, jobs: jobCount), terminator: "")
      if let csv { try BenchReport.csv(summaries).write(toFile: csv, atomically: true, encoding: .utf8) }
      if let html { try BenchHTML.page(summaries, repeats: repeats, jobs: jobCount).write(toFile: html, atomically: true, encoding: .utf8) }
      if summaries.contains(where: { !$0.agree }) { throw ExitCode(1) }
    }

    /// The running mojoc's own path (Linux: `/proc/self/exe`).
    static func currentExecutable() -> String {
      if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
      return CommandLine.arguments[0]
    }
  }
}
