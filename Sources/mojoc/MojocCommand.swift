//! The `mojoc` executable: argument parsing, then one call into MojoDriver. Exit status 0 on
//! success, 1 when the program has errors, 2 when the environment fails (missing tool, I/O), 64
//! for usage errors (ArgumentParser's validation exit code).
import ArgumentParser
import MojoDriver

@main
struct Mojoc: ParsableCommand {
  /// Printed by `mojoc --version`.
  static let version = mojocVersion

  static let configuration = CommandConfiguration(
    commandName: "mojoc",
    abstract: "A parallel ahead-of-time compiler for a subset of Mojo.",
    version: "mojoc \(version)",
    subcommands: [Build.self, Run.self, Cache.self, Corpus.self, Bench.self, BenchCodegen.self])

  /// The common command lines skip ArgumentParser's reflection (`FastCommandLine.swift`); all
  /// others are parsed by it.
  static func main() {
    if let request = FastCommandLine.parse(Array(CommandLine.arguments.dropFirst())) {
      FastCommandLine.perform(request)
    } else {
      main(nil)
    }
  }
}
