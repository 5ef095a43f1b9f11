//! The `mojoc` executable: argument parsing, then one call into MojoDriver. Exit status 0 on
//! success, 1 when the program has errors, 2 when the environment fails (missing tool, I/O).
import ArgumentParser
import MojoDriver

@main
struct Mojoc: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mojoc",
    abstract: "A parallel ahead-of-time compiler for a subset of Mojo.",
    subcommands: [Build.self, Corpus.self, Bench.self, BenchCodegen.self])
}
