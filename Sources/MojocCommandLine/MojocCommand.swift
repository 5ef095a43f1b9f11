//! mojoc's command line, shared by the `mojoc` and `mojoc-remote` executables: argument parsing,
//! then one call into MojoDriver. Exit status 0 on success, 1 when the program has errors, 2 when
//! the environment fails (missing tool, I/O), 64 for usage errors (ArgumentParser's validation
//! exit code).
import ArgumentParser
import Glibc
import MojoDiagnostics
import MojoDriver

/// The entry of both executables.
public enum MojocMain {
  /// The REAPI client, set by `mojoc-remote` (`mojoc build --remote` hands the command line to
  /// it: `RemoteFlags.swift`).
  nonisolated(unsafe) static var remoteService: (any RemoteService)?

  /// Parses the command line and runs it; `remoteService` serves `build --remote`.
  public static func run(remoteService: (any RemoteService)? = nil) {
    self.remoteService = remoteService
    Mojoc.main()
  }
}

struct Mojoc: ParsableCommand {
  /// Printed by `mojoc --version`.
  static let version = mojocVersion

  static let configuration = CommandConfiguration(
    commandName: "mojoc",
    abstract: "A parallel ahead-of-time compiler for a subset of Mojo.",
    version: "mojoc \(version)",
    subcommands: [Build.self, Run.self, Link.self, Cache.self, Corpus.self, Bench.self, BenchCodegen.self])

  /// The common command lines skip ArgumentParser's reflection (`FastCommandLine.swift`); all
  /// others are parsed by it.
  static func main() {
    let arguments = Array(CommandLine.arguments.dropFirst())
    if let request = FastCommandLine.parse(arguments) {
      FastCommandLine.perform(request)
    } else if let typo = misspelledSubcommand(arguments) {
      // ArgumentParser's own wording for a misspelled option, which it does not give for these.
      StandardStreams.error("""
        Error: Unknown subcommand '\(typo.given)'. Did you mean '\(typo.meant)'?
        Usage: mojoc <subcommand>
          See 'mojoc --help' for more information.

        """)
      Glibc.exit(64)
    } else {
      main(nil)
    }
  }

  /// A first argument that is no subcommand but near one (`mojoc buidl app`), by the spelling
  /// rule of the compiler's own "did you mean".
  static func misspelledSubcommand(_ arguments: [String]) -> (given: String, meant: String)? {
    guard let first = arguments.first, !first.hasPrefix("-") else { return nil }
    let names = configuration.subcommands.map { $0._commandName } + ["help"]
    guard !names.contains(first), let meant = SpellingSuggestion.best(for: first, among: names) else { return nil }
    return (first, meant)
  }
}
