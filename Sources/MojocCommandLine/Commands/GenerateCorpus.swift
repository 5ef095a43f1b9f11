//! `mojoc corpus generate --shape wide|deep|prints|lists|mixed [--modules M] [--functions F]
//! [--lines N] [--seed S] -o DIR [--emit-c CDIR]`: writes a deterministic generated project and
//! prints its size and checksum (same options, same checksum, same bytes); `--emit-c` also writes
//! the equivalent C program (MojoCorpus `CProgram.swift`).
import ArgumentParser
import FoundationEssentials
import Glibc
import MojoCorpus

extension CorpusShape: ExpressibleByArgument {}

extension Mojoc {
  /// `mojoc corpus ...`: the command group for generated corpora.
  struct Corpus: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "corpus", abstract: "Generated test projects.", subcommands: [Generate.self])
  }
}

extension Mojoc.Corpus {
  /// `mojoc corpus generate`.
  struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "generate", abstract: "Write a deterministic, valid Mojo project of a chosen shape and size.")

    @Option(help: "Shape: \(CorpusShape.allCases.map(\.rawValue).joined(separator: ", ")).")
    var shape: CorpusShape

    @Option(help: "Modules besides main.mojo.")
    var modules: Int = 4

    @Option(help: "Functions (or groups) per module; ignored with --lines. prints: 10 x modules x functions calls.")
    var functions: Int = 8

    @Option(help: "Approximate total source lines (overrides --functions).")
    var lines: Int?

    @Option(help: "Seed of the generator.")
    var seed: UInt64 = 1

    @Option(name: .short, help: "Output folder (must not exist or be empty).")
    var output: String

    @Option(name: .customLong("emit-c"), help: "Also write the equivalent C program to this folder (every shape); build it with `cc -static -nostdlib -fno-stack-protector DIR/*.c DIR/mojo_runtime.o -o exe`.")
    var emitC: String?

    func validate() throws {
      guard modules >= 1, functions >= 1 else { throw ValidationError("--modules and --functions need at least 1") }
      if let lines, lines < 1 { throw ValidationError("--lines needs at least 1") }
      if emitC != nil && !shape.hasCEquivalent { throw ValidationError("--emit-c: no C equivalent of the \(shape.rawValue) shape") }
    }

    func run() throws {
      let options = CorpusOptions(shape: shape, modules: modules, functions: functions, seed: seed, lines: lines,
                                  emitC: emitC != nil)
      let start = ContinuousClock.now
      let project = CorpusGenerator.generate(options)
      let elapsed = ContinuousClock.now - start
      do {
        try project.write(to: URL(fileURLWithPath: output))
        if let emitC { try project.writeC(to: URL(fileURLWithPath: emitC)) }
      } catch {
        StandardStreams.error("mojoc: error: \(error)\n")
        throw ExitCode(2)
      }
      print("\(output): shape \(shape.rawValue), \(project.files.count) files, \(project.lines) lines, "
        + "\(project.byteCount) bytes, checksum \(CorpusGenerator.hex(project.checksum)), generated in \(elapsed)")
    }
  }
}
