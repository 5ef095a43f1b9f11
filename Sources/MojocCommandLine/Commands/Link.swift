//! `mojoc link OBJECT... -o OUTPUT [--linker builtin|auto|lld|mold|gold|bfd]`: links object files
//! written by `build --emit obj` (one per module) and mojoc's runtime into an executable — the
//! link action of `build --emit-actions`, for build systems that run each action themselves.
//! Exit status: 0, 2 (a file cannot be read or written, the link fails), 64 (usage).
import ArgumentParser
import MojoDriver

extension Mojoc {
  struct Link: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "link", abstract: "Link the objects of 'build --emit obj' and the runtime into an executable.")

    @Argument(help: "Object files, in the order 'build --emit-actions' lists them.")
    var objects: [String]

    @Option(name: .short, help: "The executable to write.")
    var output: String

    @Option(help: "Linker: builtin (in process), auto (fastest installed system linker), lld, mold, gold, bfd.")
    var linker: LinkerChoice = Mojoc.defaultLinker

    func validate() throws {
      if objects.isEmpty { throw ValidationError("give at least one object file") }
    }

    func run() throws {
      InterruptCleanup.install()
      do {
        try Linker(choice: linker).link(objectFiles: objects, output: output)
      } catch {
        StandardStreams.error("mojoc: error: \(error)\n")
        throw ExitCode(2)
      }
    }
  }
}
